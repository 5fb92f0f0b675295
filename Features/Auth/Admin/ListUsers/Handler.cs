using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Waitlist.Infrastructure.Auth;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.Admin.ListUsers;

/// <summary>
/// Builds one query from whitelisted column names (never from the caller's text) and parameters for every value.
/// </summary>
public sealed class Handler(NpgsqlDataSource dataSource) : IHandler
{
    public const int MaxLimit = 500;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "id", ["name"] = "name", ["email"] = "email", ["username"] = "username", ["role"] = "role",
        ["banned"] = "banned", ["emailVerified"] = "email_verified", ["createdAt"] = "created_at", ["updatedAt"] = "updated_at",
    };
    private static readonly HashSet<string> TimeColumns = ["created_at", "updated_at"];
    private static readonly HashSet<string> BoolColumns = ["banned", "email_verified"];

    public static readonly ErrorKind InvalidQuery = new(400, "VALIDATION_ERROR", "[query] Parámetros de búsqueda, filtro, orden o paginación no válidos.");

    public async Task<Results<Ok<Response>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters();

        if (!string.IsNullOrEmpty(request.SearchValue))
        {
            var field = request.SearchField ?? "email";
            if (field is not ("email" or "name" or "username"))
                return AuthErrors.Result(InvalidQuery);
            var escaped = request.SearchValue.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
            var pattern = (request.SearchOperator ?? "contains") switch
            {
                "contains" => $"%{escaped}%",
                "starts_with" => $"{escaped}%",
                "ends_with" => $"%{escaped}",
                _ => null,
            };
            if (pattern is null)
                return AuthErrors.Result(InvalidQuery);
            where.Add($"{Columns[field]} ILIKE @Search");
            parameters.Add("Search", pattern);
        }

        if (!string.IsNullOrEmpty(request.FilterField))
        {
            if (!Columns.TryGetValue(request.FilterField, out var column) || request.FilterValue is null)
                return AuthErrors.Result(InvalidQuery);
            var op = (request.FilterOperator ?? "eq") switch
            {
                "eq" => "=", "ne" => "<>", "lt" => "<", "lte" => "<=", "gt" => ">", "gte" => ">=", "contains" => "ILIKE", _ => null,
            };
            if (op is null)
                return AuthErrors.Result(InvalidQuery);
            if (op == "ILIKE")
            {
                where.Add($"{column}::text ILIKE @Filter");
                parameters.Add("Filter", "%" + request.FilterValue.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%");
            }
            else if (TimeColumns.Contains(column))
            {
                if (!DateTimeOffset.TryParse(request.FilterValue, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                    return AuthErrors.Result(InvalidQuery);
                where.Add($"{column} {op} @Filter");
                parameters.Add("Filter", time.UtcDateTime);
            }
            else if (BoolColumns.Contains(column))
            {
                if (!bool.TryParse(request.FilterValue, out var flag) || op is not ("=" or "<>"))
                    return AuthErrors.Result(InvalidQuery);
                where.Add($"{column} {op} @Filter");
                parameters.Add("Filter", flag);
            }
            else
            {
                where.Add(column is "email" or "username" ? $"lower({column}) {op} lower(@Filter)" : $"{column} {op} @Filter");
                parameters.Add("Filter", request.FilterValue);
            }
        }

        int? limit = null, offset = null;
        if (request.Limit is not null)
        {
            if (!int.TryParse(request.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out var l) || l > MaxLimit)
                return AuthErrors.Result(InvalidQuery);
            limit = l;
        }
        if (request.Offset is not null)
        {
            if (!int.TryParse(request.Offset, NumberStyles.None, CultureInfo.InvariantCulture, out var o))
                return AuthErrors.Result(InvalidQuery);
            offset = o;
        }

        var sortColumn = "created_at";
        if (request.SortBy is not null && !Columns.TryGetValue(request.SortBy, out sortColumn!))
            return AuthErrors.Result(InvalidQuery);
        var direction = (request.SortDirection ?? "asc").ToLowerInvariant() switch { "asc" => "ASC", "desc" => "DESC", _ => null };
        if (direction is null)
            return AuthErrors.Result(InvalidQuery);

        var whereSql = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        parameters.Add("Limit", limit ?? MaxLimit);
        parameters.Add("Offset", offset ?? 0);
        var sql = $"""
            SELECT {AuthUser.Columns("u")} FROM users u {whereSql}
            ORDER BY u.{sortColumn} {direction}, u.id {direction}
            LIMIT @Limit OFFSET @Offset;
            SELECT count(*) FROM users u {whereSql};
            """;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var users = (await results.ReadAsync<AuthUser>()).ToList();
        var total = await results.ReadSingleAsync<long>();
        return TypedResults.Ok(new Response(users, total, limit, offset));
    }
}
