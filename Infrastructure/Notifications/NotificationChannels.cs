using System.Text.RegularExpressions;

namespace Waitlist.Infrastructure.Notifications;

/// <summary>The rules PostgreSQL and this project put on channels and payloads.</summary>
public static partial class NotificationChannels
{
    /// <summary>PostgreSQL refuses a payload of 8000 bytes or more: notifications carry ids, and receivers read the rows.</summary>
    public const int MaxPayloadBytes = 7999;

    /// <summary>
    /// A channel is a lower-case identifier (at most 63 characters, as PostgreSQL truncates longer ones), named after the
    /// feature that owns it: <c>auth_sessions</c>, <c>messages</c>. That keeps <c>LISTEN</c> free of quoting surprises.
    /// </summary>
    public static void Validate(string channel)
    {
        if (!ChannelName().IsMatch(channel))
            throw new ArgumentException($"'{channel}' is not a notification channel name: lower-case letters, digits and '_', starting with a letter, at most 63 characters.", nameof(channel));
    }

    public static void ValidatePayload(string channel, string payload)
    {
        if (Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
            throw new ArgumentException($"A notification on {channel} carries more than {MaxPayloadBytes} bytes: send ids and let receivers read the rows.", nameof(payload));
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex ChannelName();
}
