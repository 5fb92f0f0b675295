namespace Waitlist.Tests.Features.Auth;

/// <summary>
/// Account emails (verification, password reset) are composed by a worker a moment after the request is answered;
/// tests wait for the queue of requests to empty before they read the outbox.
/// </summary>
public static class AuthEmails
{
    public static async Task ComposedAsync(this ApiFactory api)
    {
        await using var db = await api.OpenDatabaseAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await db.ExecuteScalarAsync<long>("SELECT count(*) FROM account_email_requests") > 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The account-email worker did not empty its queue within 10 s.");
            await Task.Delay(20);
        }
    }

    /// <summary>The text of the latest email to <paramref name="to"/> (with <paramref name="subject"/>), once the worker has composed it.</summary>
    public static async Task<string> LatestEmailAsync(this ApiFactory api, string to, string? subject = null)
    {
        await api.ComposedAsync();
        await using var db = await api.OpenDatabaseAsync();
        return await db.QuerySingleAsync<string>(
            "SELECT text_body FROM email_outbox WHERE to_address = @to AND (@subject::text IS NULL OR subject = @subject) ORDER BY id DESC LIMIT 1",
            new { to, subject });
    }
}
