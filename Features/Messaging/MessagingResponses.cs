namespace Waitlist.Features.Messaging;

/// <summary>A message as every route and real-time event shows it.</summary>
/// <param name="SenderId">Null once the sender's account is deleted.</param>
/// <param name="EditedAt">When the body last changed; null while it never has.</param>
internal sealed record MessageView(long Id, Guid ConversationId, string? SenderId, string Body, DateTime CreatedAt, DateTime? EditedAt);

/// <summary>A person in a conversation: what others may see of them.</summary>
/// <param name="Id">Null for an account since deleted, shown as <see cref="MessagingTexts.DeletedAccount"/>.</param>
internal sealed record Participant(string? Id, string Name, string? Image)
{
    public static readonly Participant Deleted = new(null, MessagingTexts.DeletedAccount, null);
}

/// <param name="Participants">The other person first, then the caller.</param>
/// <param name="UnreadCount">Messages from the others after the caller's read marker.</param>
/// <param name="UpdatedAt">When the last message arrived (the start, before any).</param>
internal sealed record ConversationView(Guid Id, IReadOnlyList<Participant> Participants, MessageView? LastMessage, long UnreadCount, DateTime UpdatedAt)
{
    /// <summary>The view of <paramref name="row"/> for <paramref name="callerId"/>, with the people of <paramref name="users"/>.</summary>
    public static ConversationView Of(ConversationRow row, string callerId, IReadOnlyDictionary<string, AuthUser> users)
    {
        var participants = new[] { row.UserLow, row.UserHigh }
            .OrderBy(id => id == callerId)
            .Select(id => id is not null && users.TryGetValue(id, out var user) ? new Participant(user.Id, user.Name, user.Image) : Participant.Deleted)
            .ToList();
        var last = row.LastId is { } lastId
            ? new MessageView(lastId, row.Id, row.LastSenderId, row.LastBody!, row.LastCreatedAt!.Value, row.LastEditedAt)
            : null;
        return new ConversationView(row.Id, participants, last, row.UnreadCount, row.UpdatedAt);
    }

    /// <summary>The views of <paramref name="rows"/>, looking their people up in one query.</summary>
    public static async Task<IReadOnlyList<ConversationView>> ListAsync(
        IReadOnlyList<ConversationRow> rows, string callerId, UserDirectory directory, CancellationToken cancellationToken)
    {
        string[] ids = [.. rows.SelectMany(row => new[] { row.UserLow, row.UserHigh }).OfType<string>().Distinct()];
        var users = (await directory.FindManyAsync(ids, cancellationToken)).ToDictionary(user => user.Id, StringComparer.Ordinal);
        return rows.Select(row => Of(row, callerId, users)).ToList();
    }
}
