using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Email;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.SignUpEmail;

public sealed class Handler(NpgsqlDataSource dataSource, PasswordHasher passwords, AuthOptions options, TrustedOrigins origins, EmailTemplates templates) : IHandler
{
    // Uniqueness of email (any letter case) and username is the unique indexes' job, however concurrent the sign-ups.
    private static readonly string InsertSql = $"""
        INSERT INTO users (id, name, email, image, username, display_username, role, password_hash)
        VALUES (@Id, @Name, @Email, @Image, @Username, @DisplayUsername, @Role, @PasswordHash)
        RETURNING {AuthUser.Columns("users")}
        """;

    public async Task<Results<Ok<SignedInResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        if (!origins.IsTrustedRedirect(request.CallbackURL))
            return AuthErrors.Result(AuthTexts.InvalidCallbackUrl);

        var email = AuthRules.NormalizeEmail(request.Email!);
        var hash = passwords.Hash(request.Password!);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        AuthUser user;
        try
        {
            user = await connection.QuerySingleAsync<AuthUser>(new CommandDefinition(InsertSql, new
            {
                Id = AuthIds.New(),
                Name = request.Name!.Trim(),
                Email = email,
                request.Image,
                Username = request.Username?.ToLowerInvariant(),
                DisplayUsername = request.DisplayUsername ?? request.Username,
                Role = AuthRoles.User, // Auth:AdminEmails promotes only a verified address: see VerifyEmail and PasswordSignIn
                PasswordHash = hash,
            }, transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return AuthErrors.Result(e.ConstraintName == "users_username_key" ? AuthTexts.UsernameTaken : AuthTexts.UserAlreadyExists);
        }

        await VerificationEmail.EnqueueAsync(transaction, user, request.CallbackURL, options, templates, cancellationToken);
        var token = await AuthSessions.CreateAsync(connection, transaction, context, user.Id, request.RememberMe ?? true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new SignedInResponse(null, token, null, user));
    }
}
