using PrecisionCloud.UserPlane.Gtp;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Tests.Gtp;

public sealed class GtpReaderTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    [Fact]
    public void Plain_gpdu_has_teid_and_payload()
    {
        var datagram = Hex("30ff0004 11223344 deadbeef");

        Assert.Equal(DropReason.None, GtpReader.TryRead(datagram, out var packet));

        Assert.Equal((GtpMessageType.GPdu, 0x11223344u, 8, 4), (packet.MessageType, packet.Teid, packet.PayloadOffset, packet.PayloadLength));
        Assert.False(packet.HasSequenceNumber || packet.HasExtensionHeaders || packet.HasPduSessionContainer);
        Assert.Equal(-1, packet.PdcpPduNumber);
    }

    [Fact]
    public void Uplink_pdu_session_container_gives_qfi()
    {
        // E=1, optional fields, PSC (len 1: UL, QFI 9), no more headers, 4-octet payload.
        var datagram = Hex("34ff000c 00000001 0000 00 85 01 10 09 00 cafebabe");

        Assert.Equal(DropReason.None, GtpReader.TryRead(datagram, out var packet));

        Assert.True(packet.HasPduSessionContainer);
        Assert.Equal(new PduSessionContainer(PduSessionInformationType.Uplink, 9), packet.PduSessionContainer);
        Assert.Equal((16, 4), (packet.PayloadOffset, packet.PayloadLength));
        Assert.False(packet.HasSequenceNumber);
    }

    [Fact]
    public void Downlink_container_with_ppp_carries_ppi_and_rqi()
    {
        var datagram = Hex("34ff000c 00000002 0000 00 85 02 00 c5 a0 000000 00");

        Assert.Equal(DropReason.None, GtpReader.TryRead(datagram, out var packet));

        Assert.Equal(new PduSessionContainer(PduSessionInformationType.Downlink, 5, Rqi: true, Ppi: 5), packet.PduSessionContainer);
        Assert.Equal(0, packet.PayloadLength);
    }

    [Fact]
    public void Sequence_field_present_without_s_flag_is_ignored()
    {
        // PN only: octets 9-12 present, sequence number meaningless.
        var datagram = Hex("31ff0005 00000003 1234 07 00 ff");

        Assert.Equal(DropReason.None, GtpReader.TryRead(datagram, out var packet));

        Assert.False(packet.HasSequenceNumber);
        Assert.Equal(0, packet.SequenceNumber);
        Assert.True(packet.HasNPduNumber);
        Assert.Equal(7, packet.NPduNumber);
        Assert.Equal(1, packet.PayloadLength);
    }

    [Fact]
    public void Next_type_without_e_flag_is_ignored()
    {
        var datagram = Hex("32ff0004 00000003 0001 00 85");

        Assert.Equal(DropReason.None, GtpReader.TryRead(datagram, out var packet));

        Assert.False(packet.HasExtensionHeaders);
        Assert.False(packet.HasPduSessionContainer);
        Assert.Equal(1, packet.SequenceNumber);
    }

    [Fact]
    public void Extension_chain_reads_udp_port_pdcp_and_sci_and_skips_unknown_optional_types()
    {
        // UDP port 2152 -> PDCP 0x0102 -> unknown type 0x01 (00: not required) -> SCI 0x33 -> end.
        var datagram = Hex("34ff0014 00000009 0000 00 40 01 0868 c0 01 0102 01 01 aabb 20 01 3300 00");

        Assert.Equal(DropReason.None, GtpReader.TryRead(datagram, out var packet));

        Assert.Equal((true, (ushort)2152, 0x0102, true, (byte)0x33), (packet.HasUdpPort, packet.UdpPort, packet.PdcpPduNumber, packet.HasServiceClassIndicator, packet.ServiceClassIndicator));
        Assert.Equal(0, packet.PayloadLength);
    }

    [Fact]
    public void Long_pdcp_number_has_18_bits()
    {
        var datagram = Hex("34ff000c 00000009 0000 00 82 02 03ffff 000000 00");

        Assert.Equal(DropReason.None, GtpReader.TryRead(datagram, out var packet));

        Assert.Equal(0x3FFFF, packet.PdcpPduNumber);
    }

    [Theory]
    [InlineData("30ff00", DropReason.TooShort)]
    [InlineData("50ff0000 00000001", DropReason.UnsupportedVersion)]
    [InlineData("20ff0000 00000001", DropReason.NotGtpU)]
    [InlineData("30ff0005 00000001 dead", DropReason.LengthMismatch)]
    [InlineData("32ff0002 00000001 0000", DropReason.LengthMismatch)]
    [InlineData("34ff0004 00000001 0000 0085", DropReason.ExtensionHeaderTruncated)]
    [InlineData("34ff0008 00000001 0000 0085 00100900", DropReason.ExtensionHeaderLengthInvalid)]
    [InlineData("34ff0008 00000001 0000 0085 02100900", DropReason.ExtensionHeaderTruncated)]
    [InlineData("34ff0008 00000001 0000 0040 02086800", DropReason.ExtensionHeaderTruncated)]
    [InlineData("34ff000c 00000001 0000 0040 02086800 00000000", DropReason.ExtensionHeaderLengthInvalid)]
    [InlineData("30770000 00000001", DropReason.UnknownMessageType)]
    public void Bad_messages_are_dropped_with_a_reason(string hex, DropReason expected) =>
        Assert.Equal(expected, GtpReader.TryRead(Hex(hex), out _));

    [Fact]
    public void Unknown_type_that_must_be_comprehended_is_reported()
    {
        // NR RAN Container (0x84: comprehension required by the endpoint) is not parsed here.
        var datagram = Hex("34ff0008 00000001 0000 0084 01aabb00");

        Assert.Equal(DropReason.ExtensionHeaderNotComprehended, GtpReader.TryRead(datagram, out var packet));

        Assert.Equal(0x84, packet.UnsupportedExtensionHeaderType);
    }

    [Fact]
    public void Padding_after_the_declared_length_is_ignored()
    {
        Assert.Equal(DropReason.None, GtpReader.TryRead(Hex("30fe0000 00000005 00000000"), out var packet));

        Assert.Equal((GtpMessageType.EndMarker, 0), (packet.MessageType, packet.PayloadLength));
    }

    [Fact]
    public void Echo_response_recovery_is_read()
    {
        var datagram = Hex("32020006 00000000 0001 0000 0e05");
        Assert.Equal(DropReason.None, GtpReader.TryRead(datagram, out var packet));

        Assert.Equal(DropReason.None, GtpSignalling.TryReadRecovery(datagram.AsSpan(packet.PayloadOffset, packet.PayloadLength), out var counter));
        Assert.Equal(5, counter);
        Assert.Equal(DropReason.MissingInformationElement, GtpSignalling.TryReadRecovery([], out _));
    }

    [Fact]
    public void Error_indication_ies_are_read_in_any_order_with_private_extensions_skipped()
    {
        // Peer address first, then a private extension, then TEID Data I.
        var ies = Hex("85 0004 0a000001  ff 0003 000102  10 00abcdef");

        Assert.Equal(DropReason.None, GtpSignalling.TryReadErrorIndication(ies, out var teid, out var peer));

        Assert.Equal(0x00ABCDEFu, teid);
        Assert.Equal(InetAddress.Parse("10.0.0.1"), peer);
        Assert.Equal(DropReason.MissingInformationElement, GtpSignalling.TryReadErrorIndication(Hex("10 00abcdef"), out _, out _));
        Assert.Equal(DropReason.MalformedInformationElement, GtpSignalling.TryReadErrorIndication(Hex("85 0003 0a0000"), out _, out _));
        Assert.Equal(DropReason.MalformedInformationElement, GtpSignalling.TryReadErrorIndication(Hex("07 00"), out _, out _));
    }
}
