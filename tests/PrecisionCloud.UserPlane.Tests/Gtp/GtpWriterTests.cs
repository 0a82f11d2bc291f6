using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrecisionCloud.UserPlane.Gtp;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Tests.Gtp;

public sealed class GtpWriterTests
{
    [Fact]
    public void Header_lengths_follow_the_options()
    {
        Assert.Equal(8, GtpWriter.GetHeaderLength(null));
        Assert.Equal(12, GtpWriter.GetHeaderLength(null, withSequenceNumber: true));
        Assert.Equal(16, GtpWriter.GetHeaderLength(new PduSessionContainer(PduSessionInformationType.Uplink, 1)));
        Assert.Equal(20, GtpWriter.GetHeaderLength(new PduSessionContainer(PduSessionInformationType.Downlink, 1, Ppi: 3)));
    }

    [Fact]
    public void Gpdu_with_downlink_container_matches_the_reference_bytes()
    {
        Span<byte> buffer = stackalloc byte[64];
        var container = new PduSessionContainer(PduSessionInformationType.Downlink, 9);

        Assert.True(GtpWriter.TryWriteGPdu(buffer, 0x0000ABCD, [0xDE, 0xAD], container, out var written));

        Assert.Equal("34FF000A0000ABCD00000085010009" + "00" + "DEAD", Convert.ToHexString(buffer[..written]));
    }

    [Fact]
    public void Writers_refuse_small_buffers_and_out_of_range_fields()
    {
        Span<byte> small = stackalloc byte[7];
        Assert.False(GtpWriter.TryWriteEchoRequest(small, 1, out _));
        Assert.False(GtpWriter.TryWriteGPdu(stackalloc byte[12], 1, [1, 2, 3, 4, 5], null, out _));
        Assert.False(GtpWriter.TryWriteGPduHeader(stackalloc byte[64], 1, 10, new PduSessionContainer(PduSessionInformationType.Uplink, 64), null, out _));
        Assert.False(GtpWriter.TryWriteGPduHeader(stackalloc byte[64], 1, 10, new PduSessionContainer(PduSessionInformationType.Downlink, 1, Ppi: 8), null, out _));
        Assert.False(GtpWriter.TryWriteGPduHeader(stackalloc byte[64], 1, 70000, null, null, out _));
        Assert.False(GtpWriter.TryWriteErrorIndication(stackalloc byte[20], 1, 5, InetAddress.Parse("10.0.0.1"), 2152, out _));
        Assert.False(GtpWriter.TryWriteSupportedExtensionHeadersNotification(stackalloc byte[512], 1, new byte[256], out _));
    }

    [Fact]
    public void Error_indication_round_trips_with_udp_port_and_ipv6_peer()
    {
        Span<byte> buffer = stackalloc byte[64];
        var peer = InetAddress.Parse("2001:db8::7");

        Assert.True(GtpWriter.TryWriteErrorIndication(buffer, 300, 0xFEEDF00D, peer, 40000, out var written));
        Assert.Equal(DropReason.None, GtpReader.TryRead(buffer[..written], out var packet));

        Assert.Equal((GtpMessageType.ErrorIndication, 0u, (ushort)300, true, (ushort)40000), (packet.MessageType, packet.Teid, packet.SequenceNumber, packet.HasUdpPort, packet.UdpPort));
        Assert.Equal(DropReason.None, GtpSignalling.TryReadErrorIndication(buffer.Slice(packet.PayloadOffset, packet.PayloadLength), out var teid, out var address));
        Assert.Equal((0xFEEDF00Du, peer), (teid, address));
    }

    [Fact]
    public void Supported_extension_headers_notification_round_trips()
    {
        Span<byte> buffer = stackalloc byte[64];
        byte[] supported = [0x85, 0x40, 0xC0];

        Assert.True(GtpWriter.TryWriteSupportedExtensionHeadersNotification(buffer, 9, supported, out var written));
        Assert.Equal(DropReason.None, GtpReader.TryRead(buffer[..written], out var packet));
        Span<byte> types = stackalloc byte[8];

        Assert.Equal(DropReason.None, GtpSignalling.TryReadSupportedExtensionHeaders(buffer.Slice(packet.PayloadOffset, packet.PayloadLength), types, out var count));
        Assert.Equal(supported, types[..count].ToArray());
        Assert.Equal(DropReason.MalformedInformationElement, GtpSignalling.TryReadSupportedExtensionHeaders(buffer.Slice(packet.PayloadOffset, packet.PayloadLength), types[..2], out _));
    }

    [Fact]
    public void Echo_request_and_response_round_trip()
    {
        Span<byte> buffer = stackalloc byte[32];
        Assert.True(GtpWriter.TryWriteEchoRequest(buffer, 65535, out var written));
        Assert.Equal(DropReason.None, GtpReader.TryRead(buffer[..written], out var request));
        Assert.Equal((GtpMessageType.EchoRequest, 0u, true, (ushort)65535), (request.MessageType, request.Teid, request.HasSequenceNumber, request.SequenceNumber));

        Assert.True(GtpWriter.TryWriteEchoResponse(buffer, request.SequenceNumber, 0, out written));
        Assert.Equal(DropReason.None, GtpReader.TryRead(buffer[..written], out var response));
        Assert.Equal(DropReason.None, GtpSignalling.TryReadRecovery(buffer.Slice(response.PayloadOffset, response.PayloadLength), out var counter));
        Assert.Equal((GtpMessageType.EchoResponse, (ushort)65535, (byte)0), (response.MessageType, response.SequenceNumber, counter));
    }

    [Property(Arbitrary = [typeof(GtpArbitraries)], MaxTest = 2000)]
    public bool Gpdu_write_then_read_gives_back_every_field(GpduCase message)
    {
        var buffer = new byte[GtpWriter.GetHeaderLength(message.Container, message.Sequence is not null) + message.Payload.Length];
        if (!GtpWriter.TryWriteGPduHeader(buffer, message.Teid, message.Payload.Length, message.Container, message.Sequence, out var header))
        {
            return false;
        }

        message.Payload.CopyTo(buffer.AsSpan(header));
        return GtpReader.TryRead(buffer, out var packet) == DropReason.None
            && packet.MessageType == GtpMessageType.GPdu
            && packet.Teid == message.Teid
            && packet.HasSequenceNumber == message.Sequence is not null
            && (message.Sequence is null || packet.SequenceNumber == message.Sequence)
            && packet.HasPduSessionContainer == message.Container is not null
            && (message.Container is null || packet.PduSessionContainer == message.Container)
            && buffer.AsSpan(packet.PayloadOffset, packet.PayloadLength).SequenceEqual(message.Payload);
    }

    [Property(Arbitrary = [typeof(GtpArbitraries)], MaxTest = 500)]
    public bool End_marker_and_error_indication_round_trip(uint teid, ushort sequence, bool ipv6, ushort? port)
    {
        var peer = ipv6 ? InetAddress.Parse($"2001:db8::{sequence:x}") : InetAddress.FromIPv4(teid);
        var buffer = new byte[64];
        return GtpWriter.TryWriteEndMarker(buffer, teid, null, out var written)
            && GtpReader.TryRead(buffer.AsSpan(0, written), out var marker) == DropReason.None
            && marker.MessageType == GtpMessageType.EndMarker && marker.Teid == teid && marker.PayloadLength == 0
            && GtpWriter.TryWriteErrorIndication(buffer, sequence, teid, peer, port, out written)
            && GtpReader.TryRead(buffer.AsSpan(0, written), out var error) == DropReason.None
            && error.HasUdpPort == port.HasValue && (port is null || error.UdpPort == port)
            && GtpSignalling.TryReadErrorIndication(buffer.AsSpan(error.PayloadOffset, error.PayloadLength), out var readTeid, out var readPeer) == DropReason.None
            && readTeid == teid && readPeer == peer;
    }

    public sealed record GpduCase(uint Teid, ushort? Sequence, PduSessionContainer? Container, byte[] Payload);

    public static class GtpArbitraries
    {
        public static Arbitrary<GpduCase> Gpdus() => (
            from teid in ArbMap.Default.GeneratorFor<uint>()
            from sequence in Gen.OneOf(Gen.Constant<ushort?>(null), ArbMap.Default.GeneratorFor<ushort>().Select(s => (ushort?)s))
            from container in Gen.OneOf(Gen.Constant<PduSessionContainer?>(null), Containers().Select(c => (PduSessionContainer?)c))
            from payload in ArbMap.Default.GeneratorFor<byte[]>()
            select new GpduCase(teid, sequence, container, payload)).ToArbitrary();

        private static Gen<PduSessionContainer> Containers() =>
            from type in Gen.Elements(PduSessionInformationType.Downlink, PduSessionInformationType.Uplink)
            from qfi in Gen.Choose(0, 63)
            from rqi in Gen.Elements(false, true)
            from ppi in Gen.Choose(-1, 7)
            select type == PduSessionInformationType.Uplink
                ? new PduSessionContainer(type, (byte)qfi)
                : new PduSessionContainer(type, (byte)qfi, rqi, ppi < 0 ? null : (byte)ppi);
    }
}
