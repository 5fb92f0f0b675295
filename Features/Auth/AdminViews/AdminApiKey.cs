namespace Waitlist.Features.Auth.AdminViews;

/// <summary>An API key as the admin views show it, with its owner; never the key, of which only a hash is stored.</summary>
/// <param name="Start">The key's first characters, as its owner sees them.</param>
/// <param name="LastUsedAt">When it last authenticated a request (noted at most once a minute).</param>
internal sealed record AdminApiKey(
    string Id, string UserId, string? Name, string Start, bool Enabled, DateTime? LastUsedAt, DateTime CreatedAt, DateTime? ExpiresAt, ApiKeyOwner User)
{
    public static AdminApiKey From(OwnedApiKey owned) => new(
        owned.Key.Id, owned.Key.UserId, owned.Key.Name, owned.Key.Start, owned.Key.Enabled, owned.Key.LastUsedAt, owned.Key.CreatedAt, owned.Key.ExpiresAt, owned.User);
}
