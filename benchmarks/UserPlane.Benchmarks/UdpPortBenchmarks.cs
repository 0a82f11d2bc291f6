using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using PrecisionCloud.UserPlane.Pipeline;
using PrecisionCloud.UserPlane.Ports;

namespace PrecisionCloud.UserPlane.Benchmarks;

/// <summary>
/// The N3 UDP port on loopback: a sender thread keeps the socket's queue full of G-PDUs (the other core), and the
/// measured worker receives them, batched (recvmmsg into a PacketBatch) or with the plain per-datagram
/// Socket.ReceiveFrom loop as the baseline. Reported time is per received datagram on one worker core.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class UdpPortBenchmarks
{
    private const int PerInvoke = 4096;
    private UdpBatchSocket _batched = null!;
    private Socket _plain = null!;
    private PacketBatch _batch = null!;
    private byte[] _buffer = null!;
    private CancellationTokenSource _stop = null!;
    private Thread[] _senders = null!;

    [GlobalSetup]
    public void Setup()
    {
        _batched = new UdpBatchSocket(new IPEndPoint(IPAddress.Loopback, 0), batchSize: 64, reusePort: false);
        _plain = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 8 * 1024 * 1024 };
        _plain.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _batch = new PacketBatch(64);
        _buffer = new byte[2048];
        _stop = new CancellationTokenSource();
        var datagram = Traffic.Gpdu(0);
        _senders =
        [
            StartSender(_batched.LocalEndPoint, datagram),
            StartSender((IPEndPoint)_plain.LocalEndPoint!, datagram),
        ];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        foreach (var sender in _senders)
        {
            sender.Join();
        }

        _batched.Dispose();
        _plain.Dispose();
        _stop.Dispose();
    }

    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public int UdpPort_Batched()
    {
        var received = 0;
        while (received < PerInvoke)
        {
            received += _batched.Receive(_batch, 1000);
        }

        return received;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = PerInvoke)]
    public int UdpPort_ReceiveFromBaseline()
    {
        EndPoint remote = new IPEndPoint(IPAddress.Any, 0);
        var bytes = 0;
        for (var i = 0; i < PerInvoke; i++)
        {
            bytes += _plain.ReceiveFrom(_buffer, ref remote);
        }

        return bytes;
    }

    private Thread StartSender(IPEndPoint target, byte[] datagram)
    {
        var thread = new Thread(() =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Connect(target);
            var token = _stop.Token;
            while (!token.IsCancellationRequested)
            {
                try
                {
                    socket.Send(datagram);
                }
                catch (SocketException)
                {
                    Thread.Yield();
                }
            }
        })
        { IsBackground = true, Name = "udp-sender" };
        thread.Start();
        return thread;
    }
}
