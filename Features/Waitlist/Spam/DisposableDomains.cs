namespace Waitlist.Features.Waitlist.Spam;

/// <summary>
/// The disposable-email domains the waitlist refuses, read at start-up from <c>Waitlist:DisposableDomainsFile</c>: one
/// domain a line, <c>#</c> comments, blank lines ignored; the format of the community list at
/// github.com/disposable-email-domains/disposable-email-domains, which can replace the file as it is. An address at a
/// listed domain or at any of its subdomains is refused.
/// </summary>
internal sealed class DisposableDomains
{
    private readonly HashSet<string> _domains;

    public DisposableDomains(WaitlistSettings settings, ILogger<DisposableDomains> logger)
    {
        _domains = File.ReadLines(settings.DisposableDomainsFile)
            .Select(line => line.Split('#', 2)[0].Trim().TrimEnd('.'))
            .Where(domain => domain.Length > 0)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        logger.LogInformation("Refusing addresses at {Count} disposable-email domains from {Path}", _domains.Count, settings.DisposableDomainsFile);
    }

    public int Count => _domains.Count;

    /// <summary>Whether <paramref name="email"/> (a valid address) is at a listed domain or one of its subdomains.</summary>
    public bool Contains(string email)
    {
        var domain = email.AsSpan(email.LastIndexOf('@') + 1).Trim().TrimEnd('.');
        var lookup = _domains.GetAlternateLookup<ReadOnlySpan<char>>();
        while (true)
        {
            if (lookup.Contains(domain))
                return true;
            var dot = domain.IndexOf('.');
            if (dot < 0)
                return false;
            domain = domain[(dot + 1)..];
        }
    }
}
