using Waitlist.Infrastructure.Images;
using Waitlist.Tests.Features.OpenGraph;

namespace Waitlist.Tests.Features.Profile;

/// <summary>libvips' allocation counters are process-wide: this runs alone, with the other native-memory tests.</summary>
[Collection(nameof(NativeMemoryTests))]
public sealed class AvatarNativeMemoryTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task Avatars_made_or_refused_release_every_image_libvips_allocated()
    {
        var api = Api;
        var png = UploadAvatarTests.RedSquareOnTransparentPng();
        var noise = UploadAvatarTests.NoisePng();
        var uploads = new (byte[] Body, HttpStatusCode Status)[]
        {
            (png, HttpStatusCode.OK), (noise, HttpStatusCode.OK), (noise[..(noise.Length / 2)], HttpStatusCode.BadRequest),
            (Png.Bomb(20_000, 20_000), HttpStatusCode.BadRequest), ("no soy una imagen"u8.ToArray(), HttpStatusCode.BadRequest),
        };
        var client = await AuthClient.SignedInAsAsync(api, "user");
        Assert.Equal(HttpStatusCode.OK, (await UploadAvatarTests.UploadAsync(client, png, "image/png")).StatusCode); // warm-up
        var before = LibVips.TrackedMemory();

        for (var round = 0; round < 4; round++)
        {
            client = await AuthClient.SignedInAsAsync(api, "user"); // a client address of its own: under the rate limit
            foreach (var (body, status) in uploads)
                Assert.Equal(status, (await UploadAvatarTests.UploadAsync(client, body, "image/png")).StatusCode);
        }

        Assert.Equal(before, LibVips.TrackedMemory());
    }
}
