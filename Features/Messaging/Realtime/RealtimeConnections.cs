using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Waitlist.Features.Messaging.Realtime;

/// <summary>A client connected to this instance's hub, and the session it connected with.</summary>
internal sealed record RealtimeConnection(string ConnectionId, string UserId, string SessionId, HubCallerContext Context);

/// <summary>
/// This instance's hub connections by person: whom a notice concerns here (most notices concern nobody on a given
/// instance, which then reads nothing), and which connections a session check covers. Reads take no lock.
/// </summary>
internal sealed class RealtimeConnections
{
    private readonly ConcurrentDictionary<string, RealtimeConnection[]> _byUser = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Add(RealtimeConnection connection)
    {
        lock (_gate)
            _byUser[connection.UserId] = [.. _byUser.GetValueOrDefault(connection.UserId) ?? [], connection];
    }

    public void Remove(string userId, string connectionId)
    {
        lock (_gate)
        {
            var rest = (_byUser.GetValueOrDefault(userId) ?? []).Where(c => c.ConnectionId != connectionId).ToArray();
            if (rest.Length > 0)
                _byUser[userId] = rest;
            else
                _byUser.TryRemove(userId, out _);
        }
    }

    public bool AnyOf(IEnumerable<string> userIds) => userIds.Any(_byUser.ContainsKey);

    public IReadOnlyList<RealtimeConnection> Of(string userId) => _byUser.GetValueOrDefault(userId) ?? [];

    public IReadOnlyList<string> ConnectionIdsOf(IEnumerable<string> userIds) =>
        userIds.SelectMany(Of).Select(connection => connection.ConnectionId).ToList();

    public IReadOnlyList<RealtimeConnection> All() => _byUser.Values.SelectMany(connections => connections).ToList();

    public int Count => _byUser.Values.Sum(connections => connections.Length);
}
