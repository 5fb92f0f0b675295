namespace Waitlist.Features.Profile.DeleteMyAccount;

/// <summary>
/// The right to erasure: once the owner has confirmed who they are (their password, or a session opened in the last
/// 15 minutes for an account without one), every feature's <see cref="IPersonalData"/> erases what it holds, in one
/// transaction — all of it or none. Then a Spanish confirmation is queued, in the same transaction and after the
/// outbox's own erasure, which would otherwise take it away too. The platform's last active admin cannot leave.
/// </summary>
internal sealed class Handler(
    DbScope db, UserDirectory users, IEnumerable<IPersonalData> personalData, EmailOutbox outbox, EmailTemplates templates, TimeProvider time) : IHandler
{
    public static readonly TimeSpan FreshSessionAge = TimeSpan.FromMinutes(15);

    public async Task<Results<NoContent, ErrorResult>> HandleAsync(Request? request, HttpContext context, CancellationToken cancellationToken)
    {
        var user = context.RequiredUser();
        switch (await users.CheckPasswordAsync(user.Id, request?.Password, cancellationToken))
        {
            case PasswordCheck.Missing:
                return ErrorResponses.Result(ProfileTexts.PasswordRequired);
            case PasswordCheck.Wrong:
                return ErrorResponses.Result(ProfileTexts.WrongPassword);
            case PasswordCheck.AccountHasNone when !IsFresh(context.CurrentSession()):
                return ErrorResponses.Result(ProfileTexts.FreshSessionRequired);
        }

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (!await users.AnotherAdminRemainsAsync(user.Id, cancellationToken))
            return ErrorResponses.Result(ProfileTexts.LastAdmin);
        var subject = new DataSubject(user.Id, user.Email);
        foreach (var section in personalData)
            await section.EraseAsync(subject, cancellationToken);
        await outbox.EnqueueAsync(templates.Render("AccountDeleted", user.Email, ProfileTexts.AccountDeletedSubject, new { user.Name }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private bool IsFresh(CurrentSession? current) =>
        current is not null && current.Session.CreatedAt > time.GetUtcNow().UtcDateTime - FreshSessionAge;
}
