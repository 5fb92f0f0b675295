namespace Waitlist.Features.Profile.ListMySessions;

/// <summary>The caller's sessions, newest first, the one this request came with marked <c>current</c>.</summary>
internal sealed class Handler(UserDirectory users) : IHandler
{
    public const int DefaultLimit = 50;

    public async Task<Ok<Response>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var user = context.RequiredUser();
        var currentId = context.CurrentSession()?.Session.Id;
        var page = request.ToPage(DefaultLimit);
        var (sessions, total) = await users.SessionsAsync(user.Id, QueryFlagRule.Value(request.Active), page, cancellationToken);
        return TypedResults.Ok(new Response(
            sessions.Select(s => new MySession(s.Id, s.UserId, s.ExpiresAt, s.IpAddress, s.UserAgent, s.CreatedAt, s.Id == currentId)).ToList(),
            Pagination.Of(page, total)));
    }
}
