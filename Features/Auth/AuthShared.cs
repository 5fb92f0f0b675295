using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Http;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Auth;

/// <summary>Better Auth's <c>{ code, message }</c> error as a typed result.</summary>
public static class AuthErrors
{
    public static JsonHttpResult<BetterAuthError> Result(ErrorKind kind) =>
        TypedResults.Json(new BetterAuthError(kind.Code, kind.Message), statusCode: kind.Status);
}

/// <summary>Better Auth's identifiers and tokens: 32 characters of [A-Za-z0-9] from the OS CSPRNG.</summary>
public static class AuthIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 32);
}

/// <summary>A session as Better Auth's JSON shows it. <c>token</c> is the caller's own token for the current session
/// and the session id for the others: only hashes of tokens are stored, and revoke-session accepts either.</summary>
public sealed record SessionView(
    DateTime ExpiresAt, string Token, DateTime CreatedAt, DateTime UpdatedAt, string? IpAddress, string? UserAgent,
    string UserId, string? ImpersonatedBy, string Id)
{
    public static SessionView From(AuthSession session, string token) => new(
        session.ExpiresAt, token, session.CreatedAt, session.UpdatedAt, session.IpAddress, session.UserAgent,
        session.UserId, session.ImpersonatedBy, session.Id);
}

/// <summary>The answer of sign-up and both sign-ins.</summary>
public sealed record SignedInResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Redirect,
    string Token,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url,
    AuthUser User);

public sealed record StatusResponse(bool Status);

public sealed record SuccessResponse(bool Success);

public sealed record UserResponse(AuthUser User);

/// <summary>Creating sessions: the row (token hashed), and the cookie.</summary>
public static class AuthSessions
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(SessionCookies.SessionMaxAgeSeconds);
    public static readonly TimeSpan NotRememberedLifetime = TimeSpan.FromDays(1);
    public static readonly TimeSpan UpdateAge = TimeSpan.FromDays(1);

    private const string InsertSql = """
        INSERT INTO sessions (id, token_hash, user_id, expires_at, ip_address, user_agent, remember_me)
        VALUES (@Id, @Hash, @UserId, now() + @Lifetime, @Ip, @UserAgent, @RememberMe)
        """;

    /// <summary>Creates a session for <paramref name="userId"/>, sets its cookie and returns its token.</summary>
    public static async Task<string> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, HttpContext context,
        string userId, bool rememberMe, CancellationToken cancellationToken)
    {
        var token = AuthIds.New();
        var userAgent = context.Request.Headers.UserAgent.ToString();
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            Id = AuthIds.New(),
            Hash = SessionCookies.Hash(token),
            UserId = userId,
            Lifetime = rememberMe ? Lifetime : NotRememberedLifetime,
            Ip = context.ClientIp(),
            UserAgent = userAgent.Length == 0 ? null : userAgent[..Math.Min(userAgent.Length, 512)],
            RememberMe = rememberMe,
        }, transaction, cancellationToken: cancellationToken));
        context.RequestServices.GetRequiredService<SessionCookies>().WriteSession(context.Response, token, rememberMe);
        return token;
    }
}

/// <summary>Field rules shared by the use cases, with Better Auth's codes.</summary>
public static class AuthRules
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;
    public const int MinUsernameLength = 3;
    public const int MaxUsernameLength = 30;

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilderInitial<T, string?> rule, string field, int maxLength = 256) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.Required(field))
            .Must(v => v!.Length <= maxLength).WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.TooLong(field));

    /// <summary>Length only, on the raw string, before anything is hashed.</summary>
    public static IRuleBuilderOptions<T, string?> Password<T>(this IRuleBuilderInitial<T, string?> rule, string field) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.Required(field))
            .Must(p => p!.Length >= MinPasswordLength).WithErrorCode(AuthTexts.PasswordTooShortCode).WithMessage(AuthTexts.PasswordTooShort)
            .Must(p => p!.Length <= MaxPasswordLength).WithErrorCode(AuthTexts.PasswordTooLongCode).WithMessage(AuthTexts.PasswordTooLong);

    /// <summary>An optional username: 3–30 of letters, digits, underscore and dot (the username plugin's default).</summary>
    public static IRuleBuilderOptions<T, string?> Username<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(u => u is null || u.Length >= MinUsernameLength).WithErrorCode(AuthTexts.UsernameTooShortCode).WithMessage(AuthTexts.UsernameTooShort)
            .Must(u => u is null || u.Length <= MaxUsernameLength).WithErrorCode(AuthTexts.UsernameTooLongCode).WithMessage(AuthTexts.UsernameTooLong)
            .Must(u => u is null || u.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.')).WithErrorCode(AuthTexts.InvalidUsernameCode).WithMessage(AuthTexts.InvalidUsername);

    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilderInitial<T, string?> rule, string code, string message) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(AuthTexts.ValidationError).WithMessage(AuthTexts.Required("email"))
            .ValidEmailAddress(code, message);

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
