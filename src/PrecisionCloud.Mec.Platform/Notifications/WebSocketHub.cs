using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;

namespace PrecisionCloud.Mec.Platform.Notifications;

/// <summary>
/// The WebSockets subscribers opened for their notifications (ETSI GS MEC 009 WebSocket delivery, MEC 013
/// <c>websockNotifConfig</c>): the outbox delivers a notification whose target is a <c>ws</c> URI by sending it as
/// a text message on the subscription's socket, and retries like any callback while none is connected.
/// </summary>
internal sealed class WebSocketHub
{
    private readonly ConcurrentDictionary<string, (WebSocket Socket, SemaphoreSlim Sending)> _sockets = new(StringComparer.Ordinal);

    public bool IsConnected(string subscriptionId) => _sockets.ContainsKey(subscriptionId);

    /// <summary>Serves a subscriber's socket until it closes; a newer socket for the same subscription replaces it.</summary>
    public async Task ServeAsync(string subscriptionId, WebSocket socket, CancellationToken cancellationToken)
    {
        // The semaphore is not disposed: a send may still hold it when the socket goes away.
        var sending = new SemaphoreSlim(1, 1);
        if (_sockets.TryGetValue(subscriptionId, out var replaced))
        {
            replaced.Socket.Abort();
        }

        _sockets[subscriptionId] = (socket, sending);
        try
        {
            var buffer = new byte[1024];
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by the subscriber", CancellationToken.None).ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException)
        {
            // The subscriber went away; notifications wait in the outbox for its next socket.
        }
        finally
        {
            _sockets.TryRemove(KeyValuePair.Create(subscriptionId, (socket, sending)));
        }
    }

    /// <summary>Sends a notification on the subscription's socket; says why not when it cannot.</summary>
    public async Task<string?> SendAsync(string subscriptionId, string body, CancellationToken cancellationToken)
    {
        if (!_sockets.TryGetValue(subscriptionId, out var connection) || connection.Socket.State != WebSocketState.Open)
        {
            return "no WebSocket is connected for the subscription";
        }

        await connection.Sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.Socket.SendAsync(Encoding.UTF8.GetBytes(body), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception error) when (error is WebSocketException or ObjectDisposedException)
        {
            return "the WebSocket failed: " + error.Message;
        }
        finally
        {
            connection.Sending.Release();
        }
    }
}
