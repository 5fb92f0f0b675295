using Waitlist.Features.Waitlist;

namespace Waitlist.Features.Profile;

/// <summary>What a person tells the platform about themselves, as the API shows it to them.</summary>
/// <param name="Type"><c>professional</c> or <c>empresa</c>.</param>
/// <param name="Field">Scientific field.</param>
/// <param name="Orcid">The bare identifier, e.g. <c>0000-0002-1825-0097</c>.</param>
/// <param name="EmailDigest">Whether the daily digest of unread messages is emailed to them.</param>
internal sealed record ProfileData(
    string? Type, string? Field, string? Company, string? Headline, string? Bio, string? Location, string[] Links, string? Orcid, bool EmailDigest)
{
    public const string Professional = "professional";
    public const string Empresa = "empresa";

    /// <summary>A person who never saved a profile: nothing filled in, the digest on.</summary>
    public static readonly ProfileData Empty = new(null, null, null, null, null, null, [], null, EmailDigest: true);
}

/// <summary>An avatar as stored: the JPEG the API made, and the hash its URL carries.</summary>
internal sealed record StoredAvatar(string Hash, byte[] Jpeg, DateTime CreatedAt);

/// <summary>
/// Every statement on the profile's tables, <c>profiles</c> and <c>profile_avatars</c>, in the request's
/// <see cref="DbScope"/> (its writes join the use case's transaction).
/// </summary>
internal sealed class ProfileStore(DbScope db, WaitlistDirectory waitlist)
{
    private const string Columns =
        "type, field, company, headline, bio, location, links, orcid, email_digest AS emaildigest";

    private const string ProfileSql = $"SELECT {Columns} FROM profiles WHERE user_id = @UserId";

    // One statement, so two simultaneous changes of different fields both land: on conflict each column takes the new
    // value only when the request changed it. A new row starts from the values given (the prefilled ones included).
    private const string SaveSql = $"""
        INSERT INTO profiles AS p (user_id, type, field, company, headline, bio, location, links, orcid, email_digest)
        VALUES (@UserId, @Type, @Field, @Company, @Headline, @Bio, @Location, @Links, @Orcid, @EmailDigest)
        ON CONFLICT (user_id) DO UPDATE SET
            type = CASE WHEN @SetType THEN EXCLUDED.type ELSE p.type END,
            field = CASE WHEN @SetField THEN EXCLUDED.field ELSE p.field END,
            company = CASE WHEN @SetCompany THEN EXCLUDED.company ELSE p.company END,
            headline = CASE WHEN @SetHeadline THEN EXCLUDED.headline ELSE p.headline END,
            bio = CASE WHEN @SetBio THEN EXCLUDED.bio ELSE p.bio END,
            location = CASE WHEN @SetLocation THEN EXCLUDED.location ELSE p.location END,
            links = CASE WHEN @SetLinks THEN EXCLUDED.links ELSE p.links END,
            orcid = CASE WHEN @SetOrcid THEN EXCLUDED.orcid ELSE p.orcid END,
            email_digest = CASE WHEN @SetEmailDigest THEN EXCLUDED.email_digest ELSE p.email_digest END,
            updated_at = now()
        RETURNING {Columns}
        """;

    private const string EraseSql = """
        DELETE FROM profiles WHERE user_id = @UserId;
        DELETE FROM profile_avatars WHERE user_id = @UserId;
        """;

    // Only an explicit "no" keeps someone out: a person without a profile row gets the digest.
    private const string WantingDigestSql = """
        SELECT id FROM unnest(@UserIds::text[]) AS candidate(id)
        WHERE NOT EXISTS (SELECT 1 FROM profiles p WHERE p.user_id = candidate.id AND NOT p.email_digest)
        """;

    private const string SaveAvatarSql = """
        INSERT INTO profile_avatars (user_id, hash, jpeg) VALUES (@UserId, @Hash, @Jpeg)
        ON CONFLICT (user_id) DO UPDATE SET hash = EXCLUDED.hash, jpeg = EXCLUDED.jpeg, created_at = now()
        """;

    private const string AvatarJpegSql = "SELECT jpeg FROM profile_avatars WHERE user_id = @UserId AND hash = @Hash";
    private const string AvatarSql = "SELECT hash, jpeg, created_at AS createdat FROM profile_avatars WHERE user_id = @UserId";
    private const string DeleteAvatarSql = "DELETE FROM profile_avatars WHERE user_id = @UserId";

    /// <summary>The saved profile; null when the person never saved one.</summary>
    public async Task<ProfileData?> FindAsync(string userId, CancellationToken cancellationToken) =>
        (await db.SingleOrDefaultAsync<ProfileRow>(ProfileSql, new { UserId = userId }, cancellationToken))?.ToData();

    /// <summary>
    /// The saved profile or, before the person saved one, the defaults with type, field and company taken from the
    /// waitlist entry of the account's address (when it has one).
    /// </summary>
    public async Task<ProfileData> FindOrPrefillAsync(AuthUser user, CancellationToken cancellationToken)
    {
        if (await FindAsync(user.Id, cancellationToken) is { } saved)
            return saved;
        return await waitlist.FindByEmailAsync(user.Email, cancellationToken) is { } entry
            ? ProfileData.Empty with { Type = entry.Type, Field = entry.Field, Company = entry.Company }
            : ProfileData.Empty;
    }

    /// <summary>Writes <paramref name="changed"/> (JSON names) from <paramref name="values"/>; a new row takes all of <paramref name="values"/>.</summary>
    /// <returns>The profile as saved.</returns>
    public async Task<ProfileData> SaveAsync(string userId, ProfileData values, IReadOnlySet<string> changed, CancellationToken cancellationToken) =>
        (await db.SingleAsync<ProfileRow>(SaveSql, new
        {
            UserId = userId,
            values.Type, values.Field, values.Company, values.Headline, values.Bio, values.Location, values.Links, values.Orcid, values.EmailDigest,
            SetType = changed.Contains("type"),
            SetField = changed.Contains("field"),
            SetCompany = changed.Contains("company"),
            SetHeadline = changed.Contains("headline"),
            SetBio = changed.Contains("bio"),
            SetLocation = changed.Contains("location"),
            SetLinks = changed.Contains("links"),
            SetOrcid = changed.Contains("orcid"),
            SetEmailDigest = changed.Contains("emailDigest"),
        }, cancellationToken)).ToData();

    /// <summary>Deletes the profile and the avatar.</summary>
    public Task EraseAsync(string userId, CancellationToken cancellationToken) =>
        db.ExecuteAsync(EraseSql, new { UserId = userId }, cancellationToken);

    public Task<IReadOnlyList<string>> WantingEmailDigestAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        db.ListAsync<string>(WantingDigestSql, new { UserIds = userIds.ToArray() }, cancellationToken);

    /// <summary>Replaces the account's avatar (the previous one's URL stops answering).</summary>
    public Task SaveAvatarAsync(string userId, string hash, byte[] jpeg, CancellationToken cancellationToken) =>
        db.ExecuteAsync(SaveAvatarSql, new { UserId = userId, Hash = hash, Jpeg = jpeg }, cancellationToken);

    /// <summary>The avatar's JPEG when <paramref name="hash"/> names the account's current one; null otherwise.</summary>
    public Task<byte[]?> FindAvatarJpegAsync(string userId, string hash, CancellationToken cancellationToken) =>
        db.ScalarAsync<byte[]?>(AvatarJpegSql, new { UserId = userId, Hash = hash }, cancellationToken);

    public Task<StoredAvatar?> FindAvatarAsync(string userId, CancellationToken cancellationToken) =>
        db.SingleOrDefaultAsync<StoredAvatar>(AvatarSql, new { UserId = userId }, cancellationToken);

    public Task DeleteAvatarAsync(string userId, CancellationToken cancellationToken) =>
        db.ExecuteAsync(DeleteAvatarSql, new { UserId = userId }, cancellationToken);

    /// <summary>
    /// A row of <c>profiles</c> as Dapper reads it: by properties, since Npgsql reports a text[] column as
    /// <see cref="Array"/> and Dapper then finds no constructor of <see cref="ProfileData"/> to match.
    /// </summary>
    private sealed class ProfileRow
    {
        public string? Type { get; init; }
        public string? Field { get; init; }
        public string? Company { get; init; }
        public string? Headline { get; init; }
        public string? Bio { get; init; }
        public string? Location { get; init; }
        public string[] Links { get; init; } = [];
        public string? Orcid { get; init; }
        public bool EmailDigest { get; init; }

        public ProfileData ToData() => new(Type, Field, Company, Headline, Bio, Location, Links, Orcid, EmailDigest);
    }
}
