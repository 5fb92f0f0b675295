namespace Waitlist.Features.Profile;

/// <summary>ORCID identifiers (orcid.org): sixteen characters in four groups, the last an ISO 7064 11-2 check digit.</summary>
internal static class Orcid
{
    private static readonly string[] UrlPrefixes = ["https://orcid.org/", "http://orcid.org/", "orcid.org/"];

    /// <summary>
    /// The bare, hyphenated identifier (<c>0000-0002-1825-0097</c>) that <paramref name="value"/> names — given as it
    /// is, without hyphens, or as its orcid.org URL — or null when it is no valid ORCID (a wrong check digit included).
    /// </summary>
    public static string? Normalize(string value)
    {
        var id = value.Trim();
        var prefix = UrlPrefixes.FirstOrDefault(p => id.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        if (prefix is not null)
            id = id[prefix.Length..];
        var compact = id.Length == 19 && id[4] == '-' && id[9] == '-' && id[14] == '-' ? id.Replace("-", "") : id;
        if (compact.Length != 16 || !compact[..15].All(char.IsAsciiDigit))
            return null;
        var check = char.ToUpperInvariant(compact[15]);
        if (check != CheckDigit(compact[..15]))
            return null;
        return $"{compact[..4]}-{compact[4..8]}-{compact[8..12]}-{compact[12..15]}{check}";
    }

    /// <summary>ISO 7064 MOD 11-2 over the first fifteen digits, as ORCID specifies it: 0–9, or X for ten.</summary>
    private static char CheckDigit(string digits)
    {
        var total = 0;
        foreach (var digit in digits)
            total = (total + (digit - '0')) * 2;
        var result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char)('0' + result);
    }
}
