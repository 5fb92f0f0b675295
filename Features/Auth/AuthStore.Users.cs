namespace Waitlist.Features.Auth;

/// <summary>An account to create. The password arrives hashed.</summary>
internal sealed record NewUser(string Name, string Email, string? Image, string? Username, string? DisplayUsername, string Role, string PasswordHash)
{
    public string Id { get; } = AuthIds.New();
}

/// <summary>Which unique value of an account another account already holds.</summary>
internal enum UserConflict { None, Email, Username }

/// <param name="User">The new account; null when <paramref name="Conflict"/> says why there is none.</param>
/// <param name="Email">The address as stored (normalised), in either case.</param>
internal sealed record CreatedUser(AuthUser? User, UserConflict Conflict, string Email);

/// <summary>What the sign-in lookup finds: the account and its stored hash (null for an account without a password).</summary>
internal sealed record SignInCandidate(string? PasswordHash, AuthUser User);

/// <summary>
/// A query of the users list (the admin plugin's list-users and the admin views), already checked: columns are names
/// from the store's own whitelist, every value a parameter.
/// </summary>
/// <param name="SearchColumns">Where <paramref name="SearchPattern"/> (an ILIKE pattern) may match: any of them.</param>
internal sealed record UserQuery(
    IReadOnlyList<string> SearchColumns, string? SearchPattern,
    string? FilterColumn, string? FilterOperator, object? FilterValue,
    string SortColumn, bool Descending, Page Page)
{
    /// <summary>Only accounts with this role.</summary>
    public string? Role { get; init; }

    /// <summary>Only accounts banned right now (true), or only those that are not (false).</summary>
    public bool? BannedNow { get; init; }
}

internal sealed partial class AuthStore
{
    /// <summary>The columns list-users may search, filter and sort by, by their JSON names.</summary>
    public static readonly IReadOnlyDictionary<string, string> UserQueryColumns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "id", ["name"] = "name", ["email"] = "email", ["username"] = "username", ["role"] = "role",
        ["banned"] = "banned", ["emailVerified"] = "email_verified", ["createdAt"] = "created_at", ["updatedAt"] = "updated_at",
    };

    // Uniqueness of email (any letter case) and username is the unique indexes' job, however concurrent the sign-ups;
    // ON CONFLICT keeps a duplicate from aborting the caller's transaction.
    private const string InsertUserSql = $"""
        INSERT INTO users AS u (id, name, email, image, username, display_username, role, password_hash)
        VALUES (@Id, @Name, normalized_email(@Email), @Image, lower(@Username), @DisplayUsername, @Role, @PasswordHash)
        ON CONFLICT DO NOTHING
        RETURNING {UserColumns}
        """;

    private const string ConflictSql = """
        SELECT normalized_email(@Email) AS email, EXISTS (SELECT 1 FROM users WHERE lower(email) = normalized_email(@Email)) AS emailtaken
        """;

    private const string UserByEmailSql = $"SELECT password_hash AS passwordhash, {UserColumns} FROM users u WHERE lower(u.email) = normalized_email(@Login)";
    private const string UserByUsernameSql = $"SELECT password_hash AS passwordhash, {UserColumns} FROM users u WHERE lower(u.username) = lower(btrim(@Login))";

    // One statement, and a write only when something changes: a hash made with weaker parameters is replaced, an
    // expired ban is lifted, and a verified Auth:AdminEmails address becomes admin.
    private const string CompleteSignInSql = $"""
        UPDATE users u SET
            password_hash = coalesce(@NewHash, u.password_hash),
            role = CASE WHEN u.email_verified AND u.email = ANY({AdminEmailsSql}) THEN 'admin' ELSE u.role END,
            banned = false, ban_reason = NULL, ban_expires = NULL,
            updated_at = now()
        WHERE u.id = @Id
          AND (@NewHash IS NOT NULL OR u.banned OR (u.role <> 'admin' AND u.email_verified AND u.email = ANY({AdminEmailsSql})))
        RETURNING {UserColumns}
        """;

    private const string PasswordHashSql = "SELECT password_hash FROM users WHERE id = @Id";
    private const string SetPasswordSql = $"UPDATE users u SET password_hash = @Hash, updated_at = now() WHERE u.id = @Id RETURNING {UserColumns}";

    private const string UpdateProfileSql = """
        UPDATE users SET
            name = coalesce(@Name, name),
            image = coalesce(@Image, image),
            username = coalesce(lower(@Username), username),
            display_username = coalesce(@DisplayUsername, display_username),
            updated_at = now()
        WHERE id = @Id
        """;

    private const string UpdateNameAndImageSql = $"""
        UPDATE users u SET
            name = coalesce(@Name, u.name),
            image = CASE WHEN @ChangeImage THEN @Image ELSE u.image END,
            updated_at = now()
        WHERE u.id = @Id
        RETURNING {UserColumns}
        """;

    private const string UsernameTakenSql = "SELECT EXISTS (SELECT 1 FROM users WHERE lower(username) = lower(@Username))";
    private const string UserByIdSql = $"SELECT {UserColumns} FROM users u WHERE u.id = @Id";
    private const string UsersByIdSql = $"SELECT {UserColumns} FROM users u WHERE u.id = ANY(@Ids)";
    private const string UnverifiedByEmailSql = $"SELECT {UserColumns} FROM users u WHERE lower(u.email) = normalized_email(@Email) AND NOT u.email_verified";
    private const string AnyByEmailSql = $"SELECT {UserColumns} FROM users u WHERE lower(u.email) = normalized_email(@Email)";

    // A verified address listed in Auth:AdminEmails is the operator's: this is where the first admin appears.
    private const string VerifyEmailSql = $"""
        UPDATE users u SET email_verified = true,
                           role = CASE WHEN u.email = ANY({AdminEmailsSql}) THEN 'admin' ELSE u.role END,
                           updated_at = now()
        WHERE u.id = @Id
        """;

    private const string TeamEmailsSql = "SELECT email FROM users WHERE role = ANY(@Roles) AND NOT banned ORDER BY email";
    private const string WithAccountsSql = "SELECT email FROM users WHERE lower(email) = ANY(SELECT normalized_email(e) FROM unnest(@Emails::text[]) e)";

    private const string SetRoleSql = $"UPDATE users u SET role = @Role, updated_at = now() WHERE u.id = @Id RETURNING {UserColumns}";
    // A ban ends the user's sessions and token logins in the same statement: whoever is banned is signed out everywhere
    // at once (their API keys and access tokens are refused while the ban lasts).
    private const string BanSql = $"""
        WITH banned AS (
            UPDATE users u SET banned = true, ban_reason = @Reason, ban_expires = now() + make_interval(secs => @Seconds), updated_at = now()
            WHERE u.id = @Id RETURNING {UserColumns}),
        ended AS (DELETE FROM sessions WHERE user_id IN (SELECT id FROM banned)),
        logged_out AS (DELETE FROM refresh_tokens WHERE user_id IN (SELECT id FROM banned))
        SELECT * FROM banned
        """;
    private const string UnbanSql = $"UPDATE users u SET banned = false, ban_reason = NULL, ban_expires = NULL, updated_at = now() WHERE u.id = @Id RETURNING {UserColumns}";
    private const string DeleteUserSql = "DELETE FROM users WHERE id = @Id";

    // What outlives an erased account in Auth's tables names it no more: sessions it opened as someone else keep their
    // row without its id, and requests for emails to its address go. Returns the users of the sessions changed.
    private const string ForgetAccountSql = """
        WITH forgotten AS (UPDATE sessions SET impersonated_by = NULL WHERE impersonated_by = @Id RETURNING user_id),
             requests AS (DELETE FROM account_email_requests WHERE normalized_email(email) = normalized_email(@Email))
        SELECT user_id FROM forgotten
        """;

    // Every change that can leave the platform without an admin who can sign in — a demotion, a ban, a deletion —
    // takes this lock in its transaction before it looks: two admins demoting each other at the same moment are then
    // served one after the other, and the second sees what the first did.
    private const long AdministrationLockKey = 0x5761_6974_4164_6D6E; // "WaitAdmn"
    private const string AdvisoryLockSql = "SELECT pg_advisory_xact_lock(@Key)";
    private const string AnotherAdminRemainsSql = $"""
        SELECT NOT EXISTS (SELECT 1 FROM users u WHERE u.id = @Id AND u.role = 'admin' AND NOT {BannedNowSql})
            OR EXISTS (SELECT 1 FROM users u WHERE u.id <> @Id AND u.role = 'admin' AND NOT {BannedNowSql})
        """;

    public async Task<CreatedUser> CreateUserAsync(NewUser user, CancellationToken cancellationToken)
    {
        var created = await db.SingleOrDefaultAsync<AuthUser>(InsertUserSql, user, cancellationToken);
        if (created is not null)
            return new CreatedUser(created, UserConflict.None, created.Email);
        var conflict = await db.SingleAsync<EmailConflict>(ConflictSql, new { user.Email }, cancellationToken);
        return new CreatedUser(null, conflict.EmailTaken ? UserConflict.Email : UserConflict.Username, conflict.Email);
    }

    private sealed record EmailConflict(string Email, bool EmailTaken);

    public Task<SignInCandidate?> FindForSignInByEmailAsync(string email, CancellationToken cancellationToken) =>
        FindForSignInAsync(UserByEmailSql, email, cancellationToken);

    public Task<SignInCandidate?> FindForSignInByUsernameAsync(string username, CancellationToken cancellationToken) =>
        FindForSignInAsync(UserByUsernameSql, username, cancellationToken);

    private Task<SignInCandidate?> FindForSignInAsync(string sql, string login, CancellationToken cancellationToken) =>
        db.RunAsync(async (connection, transaction) => (await connection.QueryAsync<string?, AuthUser, SignInCandidate>(
            new CommandDefinition(sql, new { Login = login }, transaction, cancellationToken: cancellationToken),
            (hash, user) => new SignInCandidate(hash, user), splitOn: "name")).SingleOrDefault(), cancellationToken);

    /// <returns>The account as it is after sign-in (unchanged when nothing needed changing).</returns>
    public async Task<AuthUser> CompleteSignInAsync(AuthUser user, string? newHash, IReadOnlyCollection<string> adminEmails, CancellationToken cancellationToken) =>
        await ChangeAsync(() => db.SingleOrDefaultAsync<AuthUser>(CompleteSignInSql, new { user.Id, NewHash = newHash, AdminEmails = adminEmails.ToArray() }, cancellationToken),
            changed => [changed?.Id], cancellationToken) ?? user;

    public Task<string?> PasswordHashAsync(string userId, CancellationToken cancellationToken) =>
        db.ScalarAsync<string?>(PasswordHashSql, new { Id = userId }, cancellationToken);

    public Task<AuthUser> SetPasswordAsync(string userId, string hash, CancellationToken cancellationToken) =>
        ChangeAsync(() => db.SingleAsync<AuthUser>(SetPasswordSql, new { Id = userId, Hash = hash }, cancellationToken), user => [user.Id], cancellationToken);

    /// <summary>Changes the given fields (null keeps one). False when the username belongs to another account.</summary>
    public async Task<bool> UpdateProfileAsync(string userId, string? name, string? image, string? username, string? displayUsername, CancellationToken cancellationToken)
    {
        try
        {
            await ChangeAsync(() => db.ExecuteAsync(UpdateProfileSql, new { Id = userId, Name = name, Image = image, Username = username, DisplayUsername = displayUsername }, cancellationToken),
                _ => [userId], cancellationToken);
            return true;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    /// <summary>Renames the account (a null name keeps it) and, when <paramref name="changeImage"/>, sets its image (null clears it).</summary>
    public Task<AuthUser> UpdateNameAndImageAsync(string userId, string? name, bool changeImage, string? image, CancellationToken cancellationToken) =>
        ChangeAsync(() => db.SingleAsync<AuthUser>(UpdateNameAndImageSql, new { Id = userId, Name = name, ChangeImage = changeImage, Image = image }, cancellationToken),
            user => [user.Id], cancellationToken);

    public Task<bool> IsUsernameTakenAsync(string username, CancellationToken cancellationToken) =>
        db.ScalarAsync<bool>(UsernameTakenSql, new { Username = username }, cancellationToken);

    public Task<AuthUser?> FindUserAsync(string userId, CancellationToken cancellationToken) =>
        db.SingleOrDefaultAsync<AuthUser>(UserByIdSql, new { Id = userId }, cancellationToken);

    /// <summary>
    /// The account an access token names, or null; from <see cref="Tokens.AccountCache"/> when it holds it, which it does
    /// only for an account that may come in (<paramref name="usable"/> decides).
    /// </summary>
    public async Task<AuthUser?> FindTokenAccountAsync(string userId, Func<AuthUser, bool> usable, CancellationToken cancellationToken)
    {
        if (accountCache.Find(userId) is { } cached)
            return cached;
        var version = accountCache.Version;
        var user = await FindUserAsync(userId, cancellationToken);
        if (user is not null && usable(user))
            accountCache.Add(userId, user, userId, validUntil: null, version);
        return user;
    }

    public Task<IReadOnlyList<AuthUser>> FindUsersAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        db.ListAsync<AuthUser>(UsersByIdSql, new { Ids = userIds.ToArray() }, cancellationToken);

    public Task<AuthUser?> FindUserByEmailAsync(string email, CancellationToken cancellationToken) =>
        db.SingleOrDefaultAsync<AuthUser>(AnyByEmailSql, new { Email = email }, cancellationToken);

    public Task<AuthUser?> FindUnverifiedUserAsync(string email, CancellationToken cancellationToken) =>
        db.SingleOrDefaultAsync<AuthUser>(UnverifiedByEmailSql, new { Email = email }, cancellationToken);

    public Task VerifyEmailAsync(string userId, IReadOnlyCollection<string> adminEmails, CancellationToken cancellationToken) =>
        ChangeAsync(() => db.ExecuteAsync(VerifyEmailSql, new { Id = userId, AdminEmails = adminEmails.ToArray() }, cancellationToken), _ => [userId], cancellationToken);

    public Task<IReadOnlyList<string>> EmailsWithRolesAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken) =>
        db.ListAsync<string>(TeamEmailsSql, new { Roles = roles.ToArray() }, cancellationToken);

    public Task<IReadOnlyList<string>> EmailsWithAccountsAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken) =>
        db.ListAsync<string>(WithAccountsSql, new { Emails = emails.ToArray() }, cancellationToken);

    public Task<AuthUser?> SetRoleAsync(string userId, string role, CancellationToken cancellationToken) =>
        ChangeAsync(() => db.SingleOrDefaultAsync<AuthUser>(SetRoleSql, new { Id = userId, Role = role }, cancellationToken), user => [user?.Id], cancellationToken);

    /// <summary>Bans the user and ends all their sessions and token logins.</summary>
    /// <param name="seconds">How long the ban lasts; null for ever.</param>
    public Task<AuthUser?> BanAsync(string userId, string? reason, long? seconds, CancellationToken cancellationToken) =>
        ChangeAsync(() => db.SingleOrDefaultAsync<AuthUser>(BanSql, new { Id = userId, Reason = reason, Seconds = (double?)seconds }, cancellationToken),
            user => [user?.Id], cancellationToken);

    public Task<AuthUser?> UnbanAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(() => db.SingleOrDefaultAsync<AuthUser>(UnbanSql, new { Id = userId }, cancellationToken), user => [user?.Id], cancellationToken);

    /// <summary>Deletes the account; its sessions and tokens go with it (ON DELETE CASCADE).</summary>
    public async Task<bool> DeleteUserAsync(string userId, CancellationToken cancellationToken) =>
        await ChangeAsync(() => db.ExecuteAsync(DeleteUserSql, new { Id = userId }, cancellationToken), deleted => deleted > 0 ? [userId] : [], cancellationToken) > 0;

    /// <summary>Erases the account: its row (sessions and tokens go with it), and every mention of it that outlives the row.</summary>
    public async Task EraseAccountAsync(string userId, string email, CancellationToken cancellationToken)
    {
        await ChangeAsync(() => db.ListAsync<string>(ForgetAccountSql, new { Id = userId, Email = email }, cancellationToken), users => users, cancellationToken);
        await DeleteUserAsync(userId, cancellationToken);
    }

    /// <summary>
    /// Whether an admin who can sign in (not banned) remains if <paramref name="userId"/> stops being one — true as
    /// well when that account is no such admin. Call it inside the transaction that makes the change, before making
    /// it: it takes the lock that serialises every such change until that transaction ends.
    /// </summary>
    public async Task<bool> AnotherAdminRemainsAsync(string userId, CancellationToken cancellationToken)
    {
        if (!db.InTransaction)
            throw new InvalidOperationException("The last-admin check must run inside the transaction that changes the account.");
        await db.ExecuteAsync(AdvisoryLockSql, new { Key = AdministrationLockKey }, cancellationToken);
        return await db.ScalarAsync<bool>(AnotherAdminRemainsSql, new { Id = userId }, cancellationToken);
    }

    /// <summary>A LIKE pattern that matches <paramref name="text"/> anywhere, its own wildcards taken literally.</summary>
    public static string ContainsPattern(string text) => $"%{EscapeLike(text)}%";

    public static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    /// <summary>One page of users and the count of all that match.</summary>
    public Task<(IReadOnlyList<AuthUser> Rows, long Total)> ListUsersAsync(UserQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters(new { query.Page.Limit, query.Page.Offset });
        if (query.SearchPattern is not null)
        {
            where.Add("(" + string.Join(" OR ", query.SearchColumns.Select(column => $"u.{column} ILIKE @Search")) + ")");
            parameters.Add("Search", query.SearchPattern);
        }
        if (query.Role is not null)
        {
            where.Add("u.role = @Role");
            parameters.Add("Role", query.Role);
        }
        if (query.BannedNow is { } bannedNow)
            where.Add(bannedNow ? BannedNowSql : $"NOT {BannedNowSql}");
        if (query.FilterColumn is not null)
        {
            where.Add(query.FilterOperator switch
            {
                "ILIKE" => $"u.{query.FilterColumn}::text ILIKE @Filter",
                _ when query.FilterColumn is "email" or "username" => $"lower(u.{query.FilterColumn}) {query.FilterOperator} lower(@Filter)",
                _ => $"u.{query.FilterColumn} {query.FilterOperator} @Filter",
            });
            parameters.Add("Filter", query.FilterValue);
        }
        var whereSql = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var direction = query.Descending ? "DESC" : "ASC";
        return PageAsync<AuthUser>($"""
            SELECT {UserColumns} FROM users u {whereSql}
            ORDER BY u.{query.SortColumn} {direction}, u.id {direction}
            LIMIT @Limit OFFSET @Offset;
            SELECT count(*) FROM users u {whereSql};
            """, parameters, cancellationToken);
    }
}
