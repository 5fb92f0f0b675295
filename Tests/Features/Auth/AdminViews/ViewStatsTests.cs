using Waitlist.Tests.Features.Waitlist;

namespace Waitlist.Tests.Features.Auth.AdminViews;

public sealed class ViewStatsTests
{
    [Fact]
    public async Task Accounts_sessions_waitlist_and_30_days_of_sign_ups()
    {
        await using var api = await ApiFactory.StartAsync();
        var waitlist = api.ClientFrom(TestIps.Unique());
        foreach (var (email, type, field, company) in new (string, string, string?, string?)[]
                 {
                     ("a@example.com", "professional", "Física", null),
                     ("b@example.com", "professional", "Física", null),
                     ("c@example.com", "professional", "Química", null),
                     ("d@example.com", "empresa", null, "Reactivos SL"),
                 })
        {
            await (await waitlist.PostJsonAsync("/api/waitlist", new { email, type, name = "Persona", field, company })).ShouldBe(HttpStatusCode.Created);
            await api.ConfirmAsync(email);
        }
        // An address nobody confirmed is not on the list.
        await (await waitlist.PostJsonAsync("/api/waitlist", new { email = "e@example.com", type = "professional", name = "Persona", field = "Física" })).ShouldBe(HttpStatusCode.Created);
        var staff = await AuthClient.SignedInAsAsync(api, "staff");
        await AuthClient.SignedInAsAsync(api, "admin");
        await AuthClient.SignedInAsAsync(api, "user");
        var banned = await AuthClient.SignedInAsAsync(api, "user");
        await using (var db = await api.OpenDatabaseAsync())
        {
            await db.ExecuteAsync("UPDATE waitlist_entries SET created_at = now() - interval '8 days', confirmed_at = now() - interval '8 days' WHERE email = 'd@example.com'");
            await db.ExecuteAsync("UPDATE users SET created_at = now() - interval '2 days' WHERE role = 'admin'");
            await db.ExecuteAsync("UPDATE users SET created_at = now() - interval '40 days' WHERE role = 'staff'");
            await db.ExecuteAsync("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE role = 'admin')");
        }
        await (await staff.PatchAsync($"/api/admin/users/{await banned.UserIdAsync()}", new { banned = true })).ShouldBe(HttpStatusCode.OK);

        var body = await (await staff.GetAsync("/api/admin/stats")).ShouldBe(HttpStatusCode.OK);

        var users = body.GetProperty("users");
        Assert.Equal((4, 1, 1, 1, 2), (users.GetProperty("total").GetInt64(), users.GetProperty("admins").GetInt64(), users.GetProperty("staff").GetInt64(),
            users.GetProperty("banned").GetInt64(), users.GetProperty("regular").GetInt64()));
        var sessions = body.GetProperty("sessions");
        Assert.Equal((3, 2), (sessions.GetProperty("total").GetInt64(), sessions.GetProperty("active").GetInt64())); // the banned user's session ended
        var entries = body.GetProperty("waitlist");
        Assert.Equal((4, 3, 1, 3), (entries.GetProperty("total").GetInt64(), entries.GetProperty("professional").GetInt64(),
            entries.GetProperty("empresa").GetInt64(), entries.GetProperty("last7Days").GetInt64()));
        Assert.Equal(["Física:2", "Química:1"], entries.GetProperty("byField").EnumerateArray().Select(f => $"{f.GetProperty("field").GetString()}:{f.GetProperty("count").GetInt64()}"));

        var days = body.GetProperty("signUpsByDay").EnumerateArray().ToList();
        Assert.Equal(30, days.Count);
        var today = DateTime.UtcNow.Date;
        Assert.Equal(Enumerable.Range(0, 30).Select(i => today.AddDays(i - 29).ToString("yyyy-MM-dd")), days.Select(d => d.GetProperty("date").GetString()));
        Assert.Equal(2, days[^1].GetProperty("count").GetInt64());
        Assert.Equal(1, days[^3].GetProperty("count").GetInt64());
        Assert.Equal(3, days.Sum(d => d.GetProperty("count").GetInt64()));
    }
}
