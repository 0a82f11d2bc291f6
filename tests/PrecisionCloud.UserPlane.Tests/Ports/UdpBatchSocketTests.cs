using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PrecisionCloud.UserPlane.Gtp;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pipeline;
using PrecisionCloud.UserPlane.Ports;
using static PrecisionCloud.UserPlane.Tests.TestPackets;

namespace PrecisionCloud.UserPlane.Tests.Ports;

public sealed class UdpBatchSocketTests
{
    [Fact]
    public void Batches_are_received_with_their_senders_and_answers_go_back()
    {
        using var port = new UdpBatchSocket(new IPEndPoint(IPAddress.Loopback, 0), batchSize: 32, reusePort: false);
        using var gnb = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        gnb.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var echo = new byte[12];
        for (ushort i = 0; i < 20; i++)
        {
            GtpWriter.TryWriteEchoRequest(echo, i, out _);
            gnb.SendTo(echo, port.LocalEndPoint);
        }

        using var userPlane = new UserPlane(new UserPlaneOptions { N3Address = InetAddress.Parse("127.0.0.1") });
        var pipeline = userPlane.CreatePipeline();
        var batch = new PacketBatch(64);
        var received = 0;
        var deadline = Stopwatch.StartNew();
        var sent = 0;
        while (received < 20 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            var count = port.Receive(batch, 100);
            received += count;
            Assert.All(batch.Packets.ToArray(), p => Assert.Equal(((IPEndPoint)gnb.LocalEndPoint!).Port, p.RemotePort));
            Assert.All(batch.Packets.ToArray(), p => Assert.Equal(InetAddress.Parse("127.0.0.1"), p.RemoteAddress));
            pipeline.ProcessN3(batch, Stopwatch.GetTimestamp());
            sent += port.Send(batch);
        }

        Assert.Equal(20, received);
        Assert.Equal(20, sent);
        var answer = new byte[64];
        var sequences = new HashSet<ushort>();
        gnb.ReceiveTimeout = 5000;
        for (var i = 0; i < 20; i++)
        {
            var length = gnb.Receive(answer);
            Assert.Equal(DropReason.None, GtpReader.TryRead(answer.AsSpan(0, length), out var response));
            Assert.Equal(GtpMessageType.EchoResponse, response.MessageType);
            sequences.Add(response.SequenceNumber);
        }

        Assert.Equal(20, sequences.Count);
    }

    [Fact]
    public void Receive_times_out_empty()
    {
        using var port = new UdpBatchSocket(new IPEndPoint(IPAddress.Loopback, 0), reusePort: false);
        var batch = new PacketBatch(8);

        Assert.Equal(0, port.Receive(batch, 20));
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public void Dual_stack_socket_reports_ipv4_peers_as_ipv4_and_sends_back()
    {
        using var port = new UdpBatchSocket(new IPEndPoint(IPAddress.IPv6Any, 0), reusePort: false);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peer.SendTo(Gpdu(7, Udp("10.45.0.2", "8.8.8.8", 1, 2)), new IPEndPoint(IPAddress.Loopback, port.LocalEndPoint.Port));
        var batch = new PacketBatch(8);

        var deadline = Stopwatch.StartNew();
        while (port.Receive(batch, 100) == 0 && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
        }

        Assert.Equal(InetAddress.Parse("127.0.0.1"), batch[0].RemoteAddress);
        Assert.True(port.SendOne([1, 2, 3], batch[0].RemoteAddress, batch[0].RemotePort));
        peer.ReceiveTimeout = 5000;
        Assert.Equal(3, peer.Receive(new byte[16]));
    }

    [Fact]
    public void Several_sockets_share_a_port_with_reuse_port()
    {
        using var first = new UdpBatchSocket(new IPEndPoint(IPAddress.Loopback, 0));
        using var second = new UdpBatchSocket(new IPEndPoint(IPAddress.Loopback, first.LocalEndPoint.Port));

        Assert.Equal(first.LocalEndPoint.Port, second.LocalEndPoint.Port);
    }
}
