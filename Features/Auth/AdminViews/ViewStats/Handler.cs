using Waitlist.Features.Waitlist;

namespace Waitlist.Features.Auth.AdminViews.ViewStats;

/// <summary>Accounts, sessions and API keys from the store; the waitlist's counts from the waitlist's own public surface.</summary>
internal sealed class Handler(AuthStore store, WaitlistDirectory waitlist) : IHandler
{
    public async Task<Ok<Response>> HandleAsync(CancellationToken cancellationToken)
    {
        var accounts = await store.StatisticsAsync(cancellationToken);
        var entries = await waitlist.StatisticsAsync(cancellationToken);
        return TypedResults.Ok(new Response(accounts.Users, accounts.Sessions, accounts.ApiKeys, entries, accounts.SignUpsByDay));
    }
}
