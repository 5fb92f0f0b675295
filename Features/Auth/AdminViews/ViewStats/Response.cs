using Waitlist.Features.Waitlist;

namespace Waitlist.Features.Auth.AdminViews.ViewStats;

/// <param name="SignUpsByDay">Accounts created on each of the last 30 days (UTC), oldest first, today last.</param>
internal sealed record Response(UserCounts Users, SessionCounts Sessions, WaitlistStatistics Waitlist, IReadOnlyList<DayCount> SignUpsByDay);
