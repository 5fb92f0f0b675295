using Waitlist.Features.Profile;

namespace Waitlist.Tests.Features.Profile;

public sealed class ProfileDirectoryTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task Everyone_wants_the_email_digest_until_they_turn_it_off()
    {
        var never = await (await AuthClient.SignedInAsAsync(Api, "user")).UserIdAsync();
        var keeps = await AuthClient.SignedInAsAsync(Api, "user");
        await (await keeps.PatchAsync("/api/user/me", new { profile = new { headline = "Sigo queriendo el resumen" } })).ShouldBe(HttpStatusCode.OK);
        var off = await AuthClient.SignedInAsAsync(Api, "user");
        await (await off.PatchAsync("/api/user/me", new { profile = new { emailDigest = false } })).ShouldBe(HttpStatusCode.OK);
        string[] ids = [never, await keeps.UserIdAsync(), await off.UserIdAsync()];

        await using var scope = Api.Services.CreateAsyncScope();
        var wanting = await scope.ServiceProvider.GetRequiredService<ProfileDirectory>().WantingEmailDigestAsync(ids, CancellationToken.None);

        Assert.Equal(ids[..2].Order(), wanting.Order());
    }
}
