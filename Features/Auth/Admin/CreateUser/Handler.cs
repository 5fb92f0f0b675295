using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.Admin.CreateUser;

/// <summary>An account made by an admin — typically staff who sign in by username. No session is created for it.</summary>
public sealed class Handler(NpgsqlDataSource dataSource, PasswordHasher passwords) : IHandler
{
    private static readonly string InsertSql = $"""
        INSERT INTO users (id, name, email, username, display_username, role, password_hash)
        VALUES (@Id, @Name, @Email, @Username, @DisplayUsername, @Role, @PasswordHash)
        RETURNING {AuthUser.Columns("users")}
        """;

    public async Task<Results<Ok<UserResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var username = request.Username ?? request.Data?.Username;
        var hash = passwords.Hash(request.Password!);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var user = await connection.QuerySingleAsync<AuthUser>(new CommandDefinition(InsertSql, new
            {
                Id = AuthIds.New(),
                Name = request.Name!.Trim(),
                Email = AuthRules.NormalizeEmail(request.Email!),
                Username = username?.ToLowerInvariant(),
                DisplayUsername = request.Data?.DisplayUsername ?? username,
                Role = request.Role ?? AuthRoles.User,
                PasswordHash = hash,
            }, cancellationToken: cancellationToken));
            return TypedResults.Ok(new UserResponse(user));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return AuthErrors.Result(e.ConstraintName == "users_username_key" ? AuthTexts.UsernameTaken : AuthTexts.UserAlreadyExistsAdmin);
        }
    }
}
