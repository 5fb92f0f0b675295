namespace Waitlist.Tests.Features.Messaging;

public sealed class BlockTests(ApiFixture fixture) : ApiTests<ApiFixture>(fixture)
{
    [Fact]
    public async Task Blocking_and_unblocking_twice_is_no_error_and_leaves_one_row_or_none()
    {
        var ana = await Api.PersonAsync();
        var luis = await Api.PersonAsync("Luis Gil");

        await (await ana.Client.PostAsync($"/api/users/{luis.Id}/block")).ShouldBe(HttpStatusCode.NoContent);
        await (await ana.Client.PostAsync($"/api/users/{luis.Id}/block")).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal(1, await Api.CountAsync("SELECT count(*) FROM message_blocks WHERE blocker_id = @a AND blocked_id = @b", new { a = ana.Id, b = luis.Id }));

        await (await ana.Client.DeleteAsync($"/api/users/{luis.Id}/block")).ShouldBe(HttpStatusCode.NoContent);
        await (await ana.Client.DeleteAsync($"/api/users/{luis.Id}/block")).ShouldBe(HttpStatusCode.NoContent);
        Assert.Equal(0, await Api.CountAsync("SELECT count(*) FROM message_blocks WHERE blocker_id = @a", new { a = ana.Id }));
    }

    [Fact]
    public async Task Nobody_blocks_themselves_or_someone_who_does_not_exist()
    {
        var ana = await Api.PersonAsync();

        var self = await (await ana.Client.PostAsync($"/api/users/{ana.Id}/block")).ShouldBe(HttpStatusCode.BadRequest);
        var nobody = await (await ana.Client.PostAsync("/api/users/noExisteNingunaCuentaConEsteId00/block")).ShouldBe(HttpStatusCode.NotFound);
        var unblockNobody = await (await ana.Client.DeleteAsync("/api/users/noExisteNingunaCuentaConEsteId00/block")).ShouldBe(HttpStatusCode.NotFound);

        Assert.Equal("CANNOT_BLOCK_YOURSELF", self.GetProperty("code").GetString());
        Assert.Equal("USER_NOT_FOUND", nobody.GetProperty("code").GetString());
        Assert.Equal("USER_NOT_FOUND", unblockNobody.GetProperty("code").GetString());
    }
}
