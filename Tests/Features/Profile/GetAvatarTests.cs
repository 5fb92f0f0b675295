namespace Waitlist.Tests.Features.Profile;

public sealed class GetAvatarTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    private async Task<(AuthClient Client, string Url)> WithAvatarAsync()
    {
        var client = await AuthClient.SignedInAsAsync(Api, "user");
        var me = await (await UploadAvatarTests.UploadAsync(client, UploadAvatarTests.RedSquareOnTransparentPng(), "image/png")).ShouldBe(HttpStatusCode.OK);
        return (client, me.GetProperty("user").GetProperty("image").GetString()!);
    }

    [Fact]
    public async Task Anyone_gets_it_cached_for_a_year_and_a_revalidation_is_a_304()
    {
        var (_, url) = await WithAvatarAsync();
        var anonymous = Api.CreateClient();

        var response = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Header("Cache-Control"));
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        var hash = url[(url.LastIndexOf('/') + 1)..^4];
        Assert.Equal($"\"{hash}\"", response.Header("ETag"));

        var revalidation = new HttpRequestMessage(HttpMethod.Get, url);
        revalidation.Headers.TryAddWithoutValidation("If-None-Match", $"\"{hash}\"");
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(revalidation)).StatusCode);
    }

    [Fact]
    public async Task A_replaced_or_removed_avatar_no_longer_answers()
    {
        var (client, first) = await WithAvatarAsync();
        var me = await (await UploadAvatarTests.UploadAsync(client, UploadAvatarTests.NoisePng(64), "image/png")).ShouldBe(HttpStatusCode.OK);
        var second = me.GetProperty("user").GetProperty("image").GetString()!;

        Assert.NotEqual(first, second);
        var gone = await (await Api.CreateClient().GetAsync(first)).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal("AVATAR_NOT_FOUND", gone.GetProperty("code").GetString());
        Assert.False((await Api.CreateClient().GetAsync(first)).Headers.CacheControl?.MaxAge is not null, "A 404 must not be cached for a year.");

        await (await client.PatchAsync("/api/user/me", new { image = (string?)null })).ShouldBe(HttpStatusCode.OK);
        await (await Api.CreateClient().GetAsync(second)).ShouldBe(HttpStatusCode.NotFound);
        await using var db = await Api.OpenDatabaseAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM profile_avatars WHERE hash = @Hash", new { Hash = second[(second.LastIndexOf('/') + 1)..^4] }));
    }

    [Theory]
    [InlineData("/api/avatars/abc$def/0123456789abcdef0123456789abcdef.jpg")]
    [InlineData("/api/avatars/abcdefabcdefabcdefabcdefabcdefab/0123456789ABCDEF0123456789ABCDEF.jpg")]
    [InlineData("/api/avatars/abcdefabcdefabcdefabcdefabcdefab/0123.jpg")]
    [InlineData("/api/avatars/abcdefabcdefabcdefabcdefabcdefab/..%2F..%2Fetc%2Fpasswd.jpg")]
    public async Task A_malformed_id_or_hash_is_a_400_INVALID_ID(string path)
    {
        var body = await (await Api.CreateClient().GetAsync(path)).ShouldBe(HttpStatusCode.BadRequest);

        Assert.Equal("INVALID_ID", body.GetProperty("code").GetString());
        Assert.Equal("El identificador de la ruta no tiene un formato válido.", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_well_formed_url_of_no_avatar_is_a_404()
    {
        await (await Api.CreateClient().GetAsync("/api/avatars/abcdefabcdefabcdefabcdefabcdefab/0123456789abcdef0123456789abcdef.jpg"))
            .ShouldBe(HttpStatusCode.NotFound);
    }
}
