using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Waitlist.Tests.Features.Messaging;

/// <summary>
/// A connection to an API's real-time hub through the official .NET SignalR client, with the session cookie and Origin of
/// <paramref name="client"/> as a browser sends them, recording every event it receives in order.
/// </summary>
public sealed class RealtimeProbe : IAsyncDisposable
{
    public static readonly string[] EventNames = ["message.created", "conversation.read", "unread.changed", "typing"];

    private readonly ConcurrentQueue<(string Name, JsonElement Payload)> _events = new();
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _syncRequired;

    private RealtimeProbe(ApiFactory api, AuthClient client, string? origin, HttpTransportType transport)
    {
        api.CreateClient().Dispose(); // fixes the Kestrel address
        Connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api.ClientOptions.BaseAddress, "/api/realtime"), options =>
            {
                options.Transports = transport;
                options.SkipNegotiation = transport == HttpTransportType.WebSockets;
                if (client.SessionCookie is { } cookie)
                    options.Headers["Cookie"] = $"better-auth.session_token={cookie}";
                if (origin is not null)
                    options.Headers["Origin"] = origin;
            })
            .Build();
        foreach (var name in EventNames)
            Connection.On<JsonElement>(name, payload => _events.Enqueue((name, payload)));
        Connection.On("sync.required", () => Interlocked.Increment(ref _syncRequired));
        Connection.Closed += exception =>
        {
            _closed.TrySetResult(exception);
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    public IReadOnlyList<(string Name, JsonElement Payload)> Events => [.. _events];

    public int SyncRequired => Volatile.Read(ref _syncRequired);

    /// <summary>Connected, as a browser on <paramref name="origin"/> signed in as <paramref name="client"/>, straight over WebSockets unless told otherwise.</summary>
    public static async Task<RealtimeProbe> ConnectAsync(ApiFactory api, AuthClient client, string? origin = AuthClient.TrustedOrigin,
        HttpTransportType transport = HttpTransportType.WebSockets)
    {
        var probe = new RealtimeProbe(api, client, origin, transport);
        await probe.Connection.StartAsync();
        return probe;
    }

    /// <summary>The first event named <paramref name="name"/> (that <paramref name="match"/> accepts) received so far or from now on.</summary>
    public async Task<JsonElement> ReceivedAsync(string name, Func<JsonElement, bool>? match = null)
    {
        JsonElement found = default;
        await Conditions.WaitUntilAsync(() =>
        {
            foreach (var (eventName, payload) in _events)
            {
                if (eventName == name && (match is null || match(payload)))
                {
                    found = payload;
                    return true;
                }
            }
            return false;
        });
        return found;
    }

    public IReadOnlyList<JsonElement> All(string name) => _events.Where(e => e.Name == name).Select(e => e.Payload).ToList();

    /// <summary>Completes when the server has closed the connection.</summary>
    public Task ClosedAsync() => _closed.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public bool IsClosed => _closed.Task.IsCompleted;

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
