using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using PrecisionCloud.UserPlane.Pipeline;
using PrecisionCloud.UserPlane.Ports;

namespace PrecisionCloud.UserPlane.Benchmarks;

/// <summary>
/// The N3 UDP port on loopback, receive side: before each measured invocation the socket's queue (or the packet
/// ring) is filled with G-PDUs (not measured), then one worker drains them: batched (recvmmsg into a PacketBatch),
/// through a PACKET_MMAP ring (needs root), or with the plain per-datagram Socket.ReceiveFrom loop as the baseline.
/// Reported time is per received datagram on one core.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 30, invocationCount: 1)]
public class UdpPortBenchmarks
{
    private const int Datagrams = 2048;
    private UdpBatchSocket _batched = null!;
    private UdpBatchSocket _ringPort = null!;
    private PacketRingReceiver _ring = null!;
    private Socket _plain = null!;
    private Socket _sender = null!;
    private PacketBatch _batch = null!;
    private byte[] _buffer = null!;
    private byte[] _datagram = null!;

    [GlobalSetup]
    public void Setup()
    {
        _batched = new UdpBatchSocket(new IPEndPoint(IPAddress.Loopback, 0), batchSize: 64, reusePort: false, receiveBufferBytes: 32 << 20);
        _ringPort = new UdpBatchSocket(new IPEndPoint(IPAddress.Loopback, 0), reusePort: false);
        _ringPort.DiscardIncoming();
        _ring = new PacketRingReceiver("lo", _ringPort.LocalEndPoint, frameCount: 4 * Datagrams);
        _plain = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        UdpBatchSocket.SetReceiveBuffer(_plain, 32 << 20);
        _plain.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _batch = new PacketBatch(64);
        _buffer = new byte[2048];
        _datagram = Traffic.Gpdu(0);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _batched.Dispose();
        _ring.Dispose();
        _ringPort.Dispose();
        _plain.Dispose();
        _sender.Dispose();
    }

    [IterationSetup(Target = nameof(UdpPort_Batched))]
    public void FillBatched() => Fill(_batched.LocalEndPoint);

    [IterationSetup(Target = nameof(UdpPort_PacketRing))]
    public void FillRing() => Fill(_ringPort.LocalEndPoint);

    [IterationSetup(Target = nameof(UdpPort_ReceiveFromBaseline))]
    public void FillPlain() => Fill((IPEndPoint)_plain.LocalEndPoint!);

    [Benchmark(OperationsPerInvoke = Datagrams)]
    public int UdpPort_Batched()
    {
        var received = 0;
        while (received < Datagrams)
        {
            received += _batched.Receive(_batch, 1000);
        }

        return received;
    }

    [Benchmark(OperationsPerInvoke = Datagrams)]
    public int UdpPort_PacketRing()
    {
        var received = 0;
        while (received < Datagrams)
        {
            received += _ring.Receive(_batch, 1000);
        }

        return received;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Datagrams)]
    public int UdpPort_ReceiveFromBaseline()
    {
        EndPoint remote = new IPEndPoint(IPAddress.Any, 0);
        var bytes = 0;
        for (var i = 0; i < Datagrams; i++)
        {
            bytes += _plain.ReceiveFrom(_buffer, ref remote);
        }

        return bytes;
    }

    private void Fill(IPEndPoint target)
    {
        for (var i = 0; i < Datagrams; i++)
        {
            _sender.SendTo(_datagram, target);
        }
    }
}
