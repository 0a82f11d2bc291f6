using System.Net;
using System.Net.Sockets;

namespace PrecisionCloud.UserPlane.Pfcp.Node;

/// <summary>
/// Runs a <see cref="PfcpNode"/> on UDP: one socket on the N4 address and port, each datagram handled in arrival
/// order and answered to its sender; every 50 ms what the node has to send (reports, retransmissions, heartbeats)
/// goes out from the same socket. Stops when disposed.
/// </summary>
public sealed class PfcpServer : IAsyncDisposable
{
    private readonly PfcpNode _node;
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private readonly Task _sender;

    /// <summary>Binds the socket and starts answering.</summary>
    /// <param name="node">The node.</param>
    /// <param name="localEndPoint">The N4 address and port (8805).</param>
    /// <exception cref="SocketException">The address cannot be bound.</exception>
    public PfcpServer(PfcpNode node, IPEndPoint localEndPoint)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(localEndPoint);
        _node = node;
        _socket = new Socket(localEndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(localEndPoint);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _loop = Task.Run(() => RunAsync(_stopping.Token));
        _sender = Task.Run(() => SendAsync(_stopping.Token));
    }

    /// <summary>Where it listens (the port the system chose when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _sender.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var (datagram, destination) in _node.Poll())
            {
                try
                {
                    await _socket.SendToAsync(datagram, SocketFlags.None, destination, cancellationToken).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    // An unreachable peer: the request stays pending and T1/N1 decide.
                }
            }
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[65535];
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                continue; // ICMP errors from earlier sends surface here on some systems; the socket goes on
            }

            var peer = (IPEndPoint)received.RemoteEndPoint;
            if (_node.Handle(buffer.AsSpan(0, received.ReceivedBytes), peer) is { Length: > 0 } response)
            {
                try
                {
                    await _socket.SendToAsync(response, SocketFlags.None, peer, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return;
                    }
                }
            }
        }
    }
}
