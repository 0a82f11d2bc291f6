using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using PrecisionCloud.Mec.Client.Http;
using PrecisionCloud.Mec.Location;

namespace PrecisionCloud.Mec.Client.Notifications;

/// <summary>
/// Location notifications over the WebSocket the platform opened for a subscription (<c>websockNotifConfig</c>): the
/// receiver connects (with the application's token when it has one), reconnects with backoff when the socket drops
/// (the platform keeps undelivered notifications meanwhile), and surfaces them as <see cref="IAsyncEnumerable{T}"/>.
/// </summary>
public sealed class MecWebSocketReceiver : IAsyncDisposable
{
    private readonly Uri _uri;
    private readonly Func<CancellationToken, ValueTask<string?>> _token;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<ZoneLocationEventNotification> _zones = Channel.CreateUnbounded<ZoneLocationEventNotification>();
    private readonly Channel<UserLocationEventNotification> _users = Channel.CreateUnbounded<UserLocationEventNotification>();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;
    private int _testNotifications;

    internal MecWebSocketReceiver(Uri uri, Func<CancellationToken, ValueTask<string?>> token)
    {
        _uri = uri;
        _token = token;
    }

    /// <summary>The test notifications that arrived.</summary>
    public int TestNotifications => Volatile.Read(ref _testNotifications);

    /// <summary>The zone location event notifications, as they arrive.</summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The notifications.</returns>
    public IAsyncEnumerable<ZoneLocationEventNotification> ZoneLocationEventsAsync(CancellationToken cancellationToken) => Read(_zones.Reader, cancellationToken);

    /// <summary>The user location event notifications, as they arrive.</summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The notifications.</returns>
    public IAsyncEnumerable<UserLocationEventNotification> UserLocationEventsAsync(CancellationToken cancellationToken) => Read(_users.Reader, cancellationToken);

    /// <summary>Closes the socket and stops reconnecting; the enumerations end.</summary>
    /// <returns>A task that completes when the receiver stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _receiving.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _zones.Writer.TryComplete();
        _users.Writer.TryComplete();
        _stopping.Dispose();
    }

    /// <summary>Connects for the first time and keeps receiving; the task completes once connected.</summary>
    internal Task StartAsync(CancellationToken cancellationToken)
    {
        _receiving = Task.Run(() => ReceiveAsync(_stopping.Token), CancellationToken.None);
        return _connected.Task.WaitAsync(cancellationToken);
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        for (var attempt = 0; !cancellationToken.IsCancellationRequested; attempt++)
        {
            using var socket = new ClientWebSocket();
            try
            {
                if (await _token(cancellationToken).ConfigureAwait(false) is { } token)
                {
                    socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
                }

                await socket.ConnectAsync(_uri, cancellationToken).ConfigureAwait(false);
                _connected.TrySetResult();
                attempt = 0;
                using var message = new MemoryStream();
                while (socket.State == WebSocketState.Open)
                {
                    var received = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    message.Write(buffer, 0, received.Count);
                    if (received.EndOfMessage)
                    {
                        Dispatch(message.GetBuffer().AsSpan(0, (int)message.Length));
                        message.SetLength(0);
                    }
                }
            }
            catch (Exception error) when (error is WebSocketException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                // Reconnect below; the platform keeps what it could not deliver.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, Math.Min(attempt, 6)))), cancellationToken).ConfigureAwait(false);
        }
    }

    private void Dispatch(ReadOnlySpan<byte> message)
    {
        try
        {
            using var document = JsonDocument.Parse(message.ToArray());
            var root = document.RootElement;
            if (root.TryGetProperty("testNotification", out _))
            {
                Interlocked.Increment(ref _testNotifications);
            }
            else if (root.TryGetProperty("zoneLocationEventNotification", out var zone) && zone.Deserialize(MecHttp.TypeInfo<ZoneLocationEventNotification>()) is { } zoneEvent)
            {
                _zones.Writer.TryWrite(zoneEvent);
            }
            else if (root.TryGetProperty("userLocationEventNotification", out var user) && user.Deserialize(MecHttp.TypeInfo<UserLocationEventNotification>()) is { } userEvent)
            {
                _users.Writer.TryWrite(userEvent);
            }
        }
        catch (JsonException)
        {
            // Not a notification this receiver knows; the platform sent it once and it is skipped.
        }
    }

    private static async IAsyncEnumerable<T> Read<T>(ChannelReader<T> reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                yield return item;
            }
        }
    }
}
