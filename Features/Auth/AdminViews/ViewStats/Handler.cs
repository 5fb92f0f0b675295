using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Features.Waitlist;
using Waitlist.Infrastructure.Endpoints;

namespace Waitlist.Features.Auth.AdminViews.ViewStats;

/// <summary>Accounts and sessions from the store; the waitlist's counts from the waitlist's own public surface.</summary>
internal sealed class Handler(AuthStore store, WaitlistDirectory waitlist) : IHandler
{
    public async Task<Ok<Response>> HandleAsync(CancellationToken cancellationToken)
    {
        var accounts = await store.StatisticsAsync(cancellationToken);
        var entries = await waitlist.StatisticsAsync(cancellationToken);
        return TypedResults.Ok(new Response(accounts.Users, accounts.Sessions, entries, accounts.SignUpsByDay));
    }
}
