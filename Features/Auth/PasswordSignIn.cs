using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth;

/// <summary>
/// What sign-in by email and by username share: a wrong password and an unknown account give the same answer in the
/// same time (the KDF runs against a dummy hash), a ban is refused only after the password proved right (and lifts
/// itself once expired), an old hash is upgraded, a verified <c>Auth:AdminEmails</c> account becomes admin, then a session.
/// </summary>
public sealed class PasswordSignIn(NpgsqlDataSource dataSource, PasswordHasher passwords, AuthOptions options, TrustedOrigins origins) : IHandler
{
    public const string ByEmailSql = $"SELECT password_hash AS passwordhash, {UserColumns} FROM users u WHERE lower(u.email) = lower(@Login)";
    public const string ByUsernameSql = $"SELECT password_hash AS passwordhash, {UserColumns} FROM users u WHERE lower(u.username) = lower(@Login)";

    private const string UserColumns =
        "u.name, u.email, u.email_verified AS emailverified, u.image, u.created_at AS createdat, u.updated_at AS updatedat, u.username, " +
        "u.display_username AS displayusername, u.role, u.banned, u.ban_reason AS banreason, u.ban_expires AS banexpires, u.id";

    private static readonly string AfterSignInSql = $"""
        UPDATE users SET
            password_hash = coalesce(@NewHash, password_hash),
            role = CASE WHEN @MakeAdmin THEN 'admin' ELSE role END,
            banned = false, ban_reason = NULL, ban_expires = NULL,
            updated_at = CASE WHEN @NewHash IS NOT NULL OR @MakeAdmin OR banned THEN now() ELSE updated_at END
        WHERE id = @Id
        RETURNING {AuthUser.Columns("users")}
        """;

    public async Task<Results<Ok<SignedInResponse>, JsonHttpResult<BetterAuthError>>> SignInAsync(
        string lookupSql, string login, string password, bool rememberMe, string? callbackUrl, ErrorKind wrongCredentials,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (!origins.IsTrustedRedirect(callbackUrl))
            return AuthErrors.Result(AuthTexts.InvalidCallbackUrl);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = (await connection.QueryAsync<string?, AuthUser, (string? Hash, AuthUser User)>(
            new CommandDefinition(lookupSql, new { Login = login.Trim() }, cancellationToken: cancellationToken),
            (hash, user) => (hash, user), splitOn: "name")).SingleOrDefault();

        // Unknown account: Verify hashes against a dummy, so the answer takes as long as a real wrong password.
        if (!passwords.Verify(password, found.Hash) || found.User is null)
            return AuthErrors.Result(wrongCredentials);
        if (found.User.Banned && (found.User.BanExpires is null || found.User.BanExpires > DateTime.UtcNow))
            return AuthErrors.Result(AuthTexts.BannedUser);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var user = found.User;
        var newHash = passwords.NeedsRehash(found.Hash!) ? passwords.Hash(password) : null;
        // Only a verified address: otherwise whoever signs up first with a listed address would be admin.
        var makeAdmin = user.Role != AuthRoles.Admin && user.EmailVerified && options.IsAdminEmail(user.Email);
        if (newHash is not null || makeAdmin || user.Banned)
            user = await connection.QuerySingleAsync<AuthUser>(new CommandDefinition(AfterSignInSql,
                new { NewHash = newHash, MakeAdmin = makeAdmin, user.Id }, transaction, cancellationToken: cancellationToken));

        var token = await AuthSessions.CreateAsync(connection, transaction, context, user.Id, rememberMe, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (callbackUrl is not null)
            context.Response.Headers.Location = callbackUrl;
        return TypedResults.Ok(new SignedInResponse(callbackUrl is not null, token, callbackUrl, user));
    }
}
