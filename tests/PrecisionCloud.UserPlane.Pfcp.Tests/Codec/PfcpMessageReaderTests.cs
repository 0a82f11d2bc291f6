using PrecisionCloud.UserPlane.Pfcp.Codec;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.Codec;

public sealed class PfcpMessageReaderTests
{
    [Fact]
    public void Session_headers_carry_the_seid_and_the_message_priority()
    {
        var buffer = new byte[64];
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.SessionEstablishmentRequest, 0xFEDCBA, seid: 0x0102030405060708, priority: 9);
        writer.WriteIe(PfcpIeType.Cause, (byte)1);
        var length = writer.EndMessage();

        Assert.Equal(PfcpDecodeStatus.Ok, PfcpMessageReader.TryReadHeader(buffer.AsSpan(0, length), out var header));
        Assert.Equal((PfcpMessageType.SessionEstablishmentRequest, true, 0x0102030405060708UL, 0xFEDCBAu, (byte?)9, 16 + 5),
            (header.MessageType, header.HasSeid, header.Seid, header.SequenceNumber, header.MessagePriority, header.MessageLength));
        var ies = PfcpMessageReader.ReadIes(buffer, header);
        Assert.True(ies.MoveNext());
        Assert.Equal((PfcpIeType.Cause, (byte)1), (ies.Current.KnownType, ies.Current.Value[0]));
        Assert.False(ies.MoveNext());
        Assert.Equal(PfcpDecodeStatus.Ok, ies.Status);
    }

    [Theory]
    [InlineData("", PfcpDecodeStatus.TooShort)]
    [InlineData("200100", PfcpDecodeStatus.TooShort)]
    [InlineData("40010004000001 00", PfcpDecodeStatus.UnsupportedVersion)] // version 2
    [InlineData("21320004000000000000000000000100", PfcpDecodeStatus.LengthMismatch)] // S=1 but a length shorter than the header
    [InlineData("200100ff00000100", PfcpDecodeStatus.LengthMismatch)] // a length past the datagram
    [InlineData("2101000c00000000", PfcpDecodeStatus.TooShort)] // S=1 and only 8 octets
    public void Bad_headers_say_why(string hex, PfcpDecodeStatus expected) =>
        Assert.Equal(expected, PfcpMessageReader.TryReadHeader(Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal)), out _));

    [Fact]
    public void A_truncated_ie_stops_the_walk_and_names_its_type()
    {
        // Recovery Time Stamp (96) announcing 8 octets with 4 present.
        var reader = new PfcpIeReader(Convert.FromHexString("006000080000000A"));

        Assert.False(reader.MoveNext());
        Assert.Equal((PfcpDecodeStatus.IeTruncated, (ushort)96), (reader.Status, reader.TruncatedType));
    }

    [Fact]
    public void Vendor_ies_carry_their_enterprise_id_and_grouped_ies_are_walked_alike()
    {
        var buffer = new byte[128];
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.HeartbeatRequest, 1);
        var group = writer.BeginGroup(PfcpIeType.CreatePdr);
        writer.WriteIe(PfcpIeType.PdrId, (ushort)7);
        writer.WriteIe(PfcpIeType.Precedence, 255u);
        writer.EndGroup(group);
        var length = writer.EndMessage();
        var bytes = buffer.AsSpan(0, length).ToArray().Concat(Convert.FromHexString("8002000648F9AABBCCDD")).ToArray();
        bytes[3] += 10; // the vendor IE is part of the message

        Assert.Equal(PfcpDecodeStatus.Ok, PfcpMessageReader.TryReadHeader(bytes, out var header));
        var ies = PfcpMessageReader.ReadIes(bytes, header);
        Assert.True(ies.MoveNext());
        var children = ies.Current.Children();
        Assert.True(children.MoveNext());
        Assert.Equal(PfcpIeType.PdrId, children.Current.KnownType);
        Assert.True(children.MoveNext());
        Assert.Equal(PfcpIeType.Precedence, children.Current.KnownType);
        Assert.False(children.MoveNext());
        Assert.True(ies.MoveNext());
        Assert.Equal((true, (ushort)18681, 4), (ies.Current.IsEnterprise, ies.Current.EnterpriseId, ies.Current.Value.Length));
    }

    [Fact]
    public void A_writer_without_room_says_so_instead_of_throwing()
    {
        var buffer = new byte[20];
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.HeartbeatRequest, 1);
        writer.WriteIe(PfcpIeType.RecoveryTimeStamp, 1u);
        writer.WriteIe(PfcpIeType.RecoveryTimeStamp, 2u);

        Assert.True(writer.Overflowed);
        Assert.Equal(-1, writer.EndMessage());
    }
}
