using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Waitlist.Infrastructure.Images;

namespace Waitlist.Tests.Features.Profile;

public sealed class UploadAvatarTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private const string Path = "/api/user/me/avatar";

    internal static Task<HttpResponseMessage> UploadAsync(AuthClient client, byte[] body, string? contentType) =>
        client.SendAsync(HttpMethod.Put, Path, Image(new ByteArrayContent(body), contentType));

    private static HttpContent Image(HttpContent content, string? contentType)
    {
        if (contentType is not null)
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>300×200: a red square in the middle of a transparent field.</summary>
    internal static byte[] RedSquareOnTransparentPng()
    {
        const int width = 300, height = 200;
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                if (Math.Abs(x - 150) < 50 && Math.Abs(y - 100) < 50)
                    (pixels[(y * width + x) * 4], pixels[(y * width + x) * 4 + 3]) = (200, 255);
        using var image = VipsImage.FromPixels(pixels, width, height, 4);
        return image.EncodePng();
    }

    /// <summary>Random RGB pixels: a PNG that does not compress, larger than the API's default 64 KB body limit.</summary>
    internal static byte[] NoisePng(int size = 300)
    {
        var pixels = new byte[size * size * 3];
        new Random(7).NextBytes(pixels);
        using var image = VipsImage.FromPixels(pixels, size, size, 3);
        return image.EncodePng();
    }

    [Fact]
    public async Task A_real_png_becomes_a_256_pixel_square_jpeg_without_metadata_that_user_image_points_to()
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");
        var png = Png.WithChunk(Png.WithChunk(RedSquareOnTransparentPng(), "eXIf", Png.Exif("Ana Secreta")), "tEXt", Png.Text("Comment", "dato privado"));

        var me = await (await UploadAsync(client, png, "image/png")).ShouldBe(HttpStatusCode.OK);

        var url = me.GetProperty("user").GetProperty("image").GetString()!;
        Assert.Matches($"^{Regex.Escape(Api.ClientOptions.BaseAddress.ToString().TrimEnd('/'))}/api/avatars/[A-Za-z0-9]{{32}}/[0-9a-f]{{32}}\\.jpg$", url);
        var session = await (await client.GetAsync("/api/auth/get-session")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(url, session.GetProperty("user").GetProperty("image").GetString());

        var response = await Api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jpeg = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        var markers = Jpeg.Parse(jpeg);
        Assert.Equal((256, 256, 3), (markers.Width, markers.Height, markers.Components));
        // No EXIF or XMP (APP1), no ICC profile (APP2), no comment: nothing of the upload but its pixels.
        Assert.DoesNotContain(0xE1, markers.Markers);
        Assert.DoesNotContain(0xE2, markers.Markers);
        Assert.DoesNotContain(0xFE, markers.Markers);
        Assert.DoesNotContain("Ana Secreta", Encoding.Latin1.GetString(jpeg));

        // Centre-cropped to the middle 200×200: the square stays in the middle, the transparent field became white.
        using var decoded = VipsImage.Decode(jpeg);
        using var corner = decoded.Crop(0, 0, 16, 16);
        using var centre = decoded.Crop(120, 120, 16, 16);
        Assert.All(corner.BandMeans(), mean => Assert.InRange(mean, 245, 255));
        Assert.Equal([200, 0, 0], centre.BandMeans().Select(mean => Math.Round(mean / 20) * 20));
    }

    [Fact]
    public async Task A_body_above_the_default_64_kb_limit_is_taken_and_a_jpeg_too()
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");
        var png = NoisePng();
        Assert.True(png.Length > 64 * 1024);

        await (await UploadAsync(client, png, "image/png")).ShouldBe(HttpStatusCode.OK);

        using var image = VipsImage.FromPixels(new byte[64 * 48 * 3], 64, 48, 3);
        var me = await (await UploadAsync(client, image.EncodeProgressiveJpeg(90), "image/jpeg; charset=binary")).ShouldBe(HttpStatusCode.OK);
        var jpeg = await Api.CreateClient().GetByteArrayAsync(me.GetProperty("user").GetProperty("image").GetString());
        Assert.Equal((256, 256), (Jpeg.Parse(jpeg).Width, Jpeg.Parse(jpeg).Height));
    }

    [Fact]
    public async Task A_truncated_png_is_a_spanish_400_and_changes_nothing()
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");
        var png = NoisePng();

        var body = await (await UploadAsync(client, png[..(png.Length / 2)], "image/png")).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("INVALID_IMAGE", body.GetProperty("code").GetString());
        Assert.Equal("El archivo no es una imagen JPEG, PNG o WebP válida, o está dañado.", body.GetProperty("error").GetString());
        await AssertNoAvatarAsync(client);
    }

    [Fact]
    public async Task A_20000_by_20000_png_bomb_is_refused_from_its_header()
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");
        var bomb = Png.Bomb(20_000, 20_000);
        Assert.True(bomb.Length < 100 * 1024, $"The bomb is {bomb.Length} bytes.");

        var body = await (await UploadAsync(client, bomb, "image/png")).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("IMAGE_DIMENSIONS_TOO_LARGE", body.GetProperty("code").GetString());
        Assert.Equal("La imagen tiene demasiados píxeles: como máximo 50 megapíxeles.", body.GetProperty("error").GetString());
        await AssertNoAvatarAsync(client);
    }

    [Theory]
    [InlineData("Esto no es una imagen: es un archivo de texto renombrado a foto.png\n")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>""")]
    [InlineData("")]
    public async Task Anything_else_sent_as_an_image_is_a_spanish_400(string text)
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");

        var body = await (await UploadAsync(client, Encoding.UTF8.GetBytes(text), "image/png")).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("INVALID_IMAGE", body.GetProperty("code").GetString());
        Assert.Empty(Api.Logs.Errors);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    [InlineData("image/gif")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task Another_content_type_is_a_spanish_415(string? contentType)
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");

        var body = await (await UploadAsync(client, RedSquareOnTransparentPng(), contentType)).ShouldBe(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", body.GetProperty("code").GetString());
        Assert.Equal("La imagen debe enviarse tal cual en el cuerpo, como image/jpeg, image/png o image/webp.", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task More_than_5_mb_is_a_413_whether_announced_or_streamed()
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");
        var tooLarge = new byte[5 * 1024 * 1024 + 10_000];

        // As curl sends a large body: the answer can come before the body is sent.
        var announced = await (await client.SendAsync(HttpMethod.Put, Path, Image(new ByteArrayContent(tooLarge), "image/png"), expectContinue: true))
            .ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("La imagen no puede ocupar más de 5 MB.", announced.GetProperty("error").GetString());

        // No Content-Length (chunked): Kestrel stops reading at the route's limit.
        var chunked = await (await client.SendAsync(HttpMethod.Put, Path, Image(new StreamContent(new MemoryStream(tooLarge)), "image/png"), expectContinue: true))
            .ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("PAYLOAD_TOO_LARGE", chunked.GetProperty("code").GetString());
    }

    private async Task AssertNoAvatarAsync(AuthClient client)
    {
        var me = await (await client.GetAsync("/api/user/me")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, me.GetProperty("user").GetProperty("image").ValueKind);
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM profile_avatars WHERE user_id = @Id",
            new { Id = me.GetProperty("user").GetProperty("id").GetString() }));
    }
}
