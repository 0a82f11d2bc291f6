using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pipeline;
using PrecisionCloud.UserPlane.Ports;

namespace PrecisionCloud.UserPlane.Tests.Ports;

public sealed class PacketRingReceiverTests : IDisposable
{
    private readonly UdpBatchSocket _socket;
    private readonly PacketRingReceiver _ring;
    private readonly Socket _sender = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly PacketBatch _batch = new(64);

    public PacketRingReceiverTests()
    {
        Assert.True(Environment.UserName == "root", "A packet socket needs root (CAP_NET_RAW); CI runs as root.");
        _socket = new UdpBatchSocket(new IPEndPoint(IPAddress.Loopback, 0), reusePort: false);
        _socket.DiscardIncoming();
        _ring = new PacketRingReceiver("lo", _socket.LocalEndPoint, frameCount: 256);
        _sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public void Dispose()
    {
        _ring.Dispose();
        _socket.Dispose();
        _sender.Dispose();
    }

    [Fact]
    public void Datagrams_for_the_port_arrive_through_the_ring_once_with_their_sender()
    {
        var sent = Enumerable.Range(0, 100).Select(i => TestPackets.Gpdu((uint)i + 1, TestPackets.Udp("10.45.0.2", "8.8.8.8", 1, 2))).ToList();
        foreach (var datagram in sent)
        {
            _sender.SendTo(datagram, _socket.LocalEndPoint);
        }

        var received = ReceiveAll();

        Assert.Equal(sent.Count, received.Count);
        Assert.Equal(sent, received.Select(r => r.Bytes));
        var from = (IPEndPoint)_sender.LocalEndPoint!;
        Assert.All(received, r => Assert.Equal((InetAddress.From(from.Address), (ushort)from.Port), (r.Address, r.Port)));
        Assert.Equal(0, _socket.Receive(_batch, 50)); // the socket's own copies were discarded in the kernel
    }

    [Fact]
    public void Datagrams_for_other_ports_are_not_taken()
    {
        using var other = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        other.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _sender.SendTo(new byte[12], other.LocalEndPoint!);
        _sender.SendTo(new byte[16], _socket.LocalEndPoint);

        var received = ReceiveAll();

        Assert.Equal(16, Assert.Single(received).Bytes.Length);
        Assert.Equal(12, other.Receive(new byte[64]));
    }

    [Fact]
    public void Wrong_checksums_and_fragments_are_dropped_and_counted_and_good_datagrams_still_arrive()
    {
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Udp);
        raw.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.HeaderIncluded, true);
        var port = (ushort)_socket.LocalEndPoint.Port;
        var payload = new byte[] { 0x30, 0xFF, 0x00, 0x04, 0, 0, 0, 9, 1, 2, 3, 4, 5 }; // odd length on purpose

        raw.SendTo(RawUdp(payload, port, corruptChecksum: false, fragmentFlags: 0), new IPEndPoint(IPAddress.Loopback, 0));
        raw.SendTo(RawUdp(payload, port, corruptChecksum: true, fragmentFlags: 0), new IPEndPoint(IPAddress.Loopback, 0));
        raw.SendTo(RawUdp(payload, port, corruptChecksum: false, fragmentFlags: 0x2000), new IPEndPoint(IPAddress.Loopback, 0)); // MF set

        var received = ReceiveAll();

        Assert.Equal(payload, Assert.Single(received).Bytes);
        Assert.Equal((1L, 1L), (_ring.MalformedDropped, _ring.FragmentsDropped));
    }

    [Fact]
    public void A_full_ring_drops_in_the_kernel_and_says_how_many()
    {
        for (var i = 0; i < 400; i++)
        {
            _sender.SendTo(new byte[32], _socket.LocalEndPoint);
        }

        var received = ReceiveAll();

        Assert.Equal(_ring.FrameCount, received.Count);
        Assert.Equal(400 - _ring.FrameCount, _ring.RingFullDropped);
    }

    [Fact]
    public void Setup_errors_name_the_cause()
    {
        var missing = Assert.Throws<PacketRingException>(() => new PacketRingReceiver("nosuchif0", new IPEndPoint(IPAddress.Loopback, 2152)));
        Assert.Contains("nosuchif0", missing.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new PacketRingReceiver("lo", new IPEndPoint(IPAddress.IPv6Loopback, 2152)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PacketRingReceiver("lo", new IPEndPoint(IPAddress.Loopback, 2152), frameSize: 3000));
    }

    /// <summary>An IPv4/UDP datagram from 127.0.0.1 built by hand, so the checksum and fragment bits are ours to choose.</summary>
    private static byte[] RawUdp(byte[] payload, ushort port, bool corruptChecksum, ushort fragmentFlags)
    {
        var packet = new byte[20 + 8 + payload.Length];
        packet[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(6), fragmentFlags);
        packet[8] = 64;
        packet[9] = 17;
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(12), 0x7F000001);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(16), 0x7F000001);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(10), Ipv4Checksum.Compute(packet.AsSpan(0, 20)));
        var udp = packet.AsSpan(20);
        BinaryPrimitives.WriteUInt16BigEndian(udp, 40000);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], port);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)udp.Length);
        payload.CopyTo(udp[8..]);

        // RFC 768 over the pseudo-header (addresses, protocol, UDP length) and the datagram padded to even length.
        var summed = new byte[12 + udp.Length + (udp.Length % 2)];
        packet.AsSpan(12, 8).CopyTo(summed);
        summed[9] = 17;
        BinaryPrimitives.WriteUInt16BigEndian(summed.AsSpan(10), (ushort)udp.Length);
        udp.CopyTo(summed.AsSpan(12));
        var checksum = Ipv4Checksum.Compute(summed);
        BinaryPrimitives.WriteUInt16BigEndian(udp[6..], (ushort)(corruptChecksum ? checksum ^ 0x0101 : checksum));
        return packet;
    }

    private List<(byte[] Bytes, InetAddress Address, ushort Port)> ReceiveAll()
    {
        var received = new List<(byte[], InetAddress, ushort)>();
        while (_ring.Receive(_batch, 200) > 0)
        {
            for (var i = 0; i < _batch.Count; i++)
            {
                received.Add((_batch.PacketBytes(i).ToArray(), _batch[i].RemoteAddress, _batch[i].RemotePort));
            }
        }

        return received;
    }
}
