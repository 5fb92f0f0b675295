using Waitlist.Infrastructure.Database;
using Waitlist.Infrastructure.PersonalData;

namespace Waitlist.Features.Waitlist;

/// <summary>A person's waitlist entry: exported as it is, erased outright (the row goes, it is not flagged).</summary>
internal sealed class WaitlistPersonalData(DbScope db, WaitlistDirectory directory) : IPersonalData
{
    private const string EraseSql = "DELETE FROM waitlist_entries WHERE lower(email) = normalized_email(@Email)";

    public string Section => "waitlist";

    public async Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken) =>
        await directory.FindByEmailAsync(subject.Email, cancellationToken);

    public Task EraseAsync(DataSubject subject, CancellationToken cancellationToken) =>
        db.ExecuteAsync(EraseSql, new { subject.Email }, cancellationToken);
}
