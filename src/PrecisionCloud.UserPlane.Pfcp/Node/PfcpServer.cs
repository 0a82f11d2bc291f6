using System.Net;
using System.Net.Sockets;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pipeline;
using PrecisionCloud.UserPlane.Ports;

namespace PrecisionCloud.UserPlane.Pfcp.Node;

/// <summary>
/// Runs a <see cref="PfcpNode"/> on UDP: one socket on the N4 address and port, read in batches (recvmmsg on
/// Linux) by a thread of its own; each datagram is handled in arrival order and the answers to a batch leave
/// together (sendmmsg). Every 50 ms what the node has to send by itself (reports, retransmissions, heartbeats)
/// goes out from the same socket. Stops when disposed.
/// </summary>
public sealed class PfcpServer : IAsyncDisposable
{
    private const int BatchSize = 64;
    private readonly PfcpNode _node;
    private readonly UdpBatchSocket _socket;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _receiver;
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
        _socket = new UdpBatchSocket(localEndPoint, BatchSize, reusePort: false);
        LocalEndPoint = _socket.LocalEndPoint;
        _receiver = new Thread(Receive) { IsBackground = true, Name = $"pfcp-{LocalEndPoint.Port}" };
        _receiver.Start();
        _sender = Task.Run(() => SendAsync(_stopping.Token));
    }

    /// <summary>Where it listens (the port the system chose when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _receiver.Join();
        await _sender.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _socket.Dispose();
        _stopping.Dispose();
    }

    private void Receive()
    {
        var requests = new PacketBatch(BatchSize, slotSize: 8192 + 256, headroom: 0);
        var answers = new PacketBatch(BatchSize, slotSize: 8192 + 256, headroom: 0);
        while (!_stopping.IsCancellationRequested)
        {
            if (_socket.Receive(requests, 100) == 0)
            {
                continue;
            }

            answers.Clear();
            for (var i = 0; i < requests.Count; i++)
            {
                ref var request = ref requests[i];
                var peer = new IPEndPoint(request.RemoteAddress.ToIPAddress(), request.RemotePort);
                if (_node.Handle(requests.PacketBytes(i), peer) is { Length: > 0 } answer)
                {
                    answers[answers.Add(answer, request.RemoteAddress, request.RemotePort)].Verdict = PacketVerdict.Reply;
                }
            }

            _socket.Send(answers);
        }
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var (datagram, destination) in _node.Poll())
            {
                // An unreachable peer fails the send: the request stays pending and T1/N1 decide.
                _socket.SendOne(datagram, InetAddress.From(destination.Address), (ushort)destination.Port);
            }
        }
    }
}
