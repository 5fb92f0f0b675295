namespace Waitlist.Features.Auth.AdminViews.EditUser;

/// <summary>
/// Renames, changes the role of, bans or readmits one account, all in one transaction through the store's own writes
/// (a ban ends the sessions too). Staff may not change roles nor touch an admin's ban; nobody may take the platform's
/// last active admin away, however many requests try at once.
/// </summary>
internal sealed class Handler(DbScope db, AuthStore store, TimeProvider time) : IHandler
{
    public async Task<Results<Ok<AuthUser>, ErrorResult>> HandleAsync(string id, Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = context.RequiredUser();
        var callerIsAdmin = caller.Role == AuthRoles.Admin;
        if (request.Role is not null && !callerIsAdmin)
            return ErrorResponses.Result(AuthTexts.OnlyAdminsChangeRoles);
        if (request.Banned == true && id == caller.Id)
            return ErrorResponses.Result(AuthTexts.CannotBanYourself);

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var user = await store.FindUserAsync(id, cancellationToken);
        if (user is null)
            return ErrorResponses.Result(AuthTexts.UserNotFound);
        if (request.Banned is not null && user.Role == AuthRoles.Admin && !callerIsAdmin)
            return ErrorResponses.Result(AuthTexts.OnlyAdminsBanAdmins);
        var removesAnAdmin = (request.Role is not null && request.Role != AuthRoles.Admin) || request.Banned == true;
        if (removesAnAdmin && !await store.AnotherAdminRemainsAsync(id, cancellationToken))
            return ErrorResponses.Result(AuthTexts.LastAdmin);

        if (request.Name is not null)
            user = await store.UpdateNameAndImageAsync(id, request.Name.Trim(), changeImage: false, image: null, cancellationToken);
        if (request.Role is not null)
            user = await store.SetRoleAsync(id, request.Role, cancellationToken) ?? user;
        if (request.Banned == true)
            user = await store.BanAsync(id, request.BanReason?.Trim(), BanSeconds(request.BanExpires), cancellationToken) ?? user;
        else if (request.Banned == false)
            user = await store.UnbanAsync(id, cancellationToken) ?? user;
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(user);
    }

    /// <summary>The store bans for a number of seconds from now, as the admin plugin's ban-user does.</summary>
    private long? BanSeconds(DateTimeOffset? end) =>
        end is null ? null : Math.Max(1, (long)Math.Ceiling((end.Value - time.GetUtcNow()).TotalSeconds));
}
