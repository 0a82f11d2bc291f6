using System.Globalization;
using FsCheck.Xunit;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.Tests.Oracles;

namespace PrecisionCloud.UserPlane.Tests.Packets;

public sealed class InnerPacketReaderTests
{
    [Fact]
    public async Task Packets_built_by_scapy_give_the_five_tuple_scapy_meant()
    {
        var lines = await ExternalTool.RunScapyAsync("scapy_inner.py");
        Assert.Equal(12, lines.Length);
        foreach (var line in lines)
        {
            var f = line.Split('|');
            var expected = new FiveTuple(InetAddress.Parse(f[1]), InetAddress.Parse(f[2]), byte.Parse(f[3], CultureInfo.InvariantCulture),
                ushort.Parse(f[4], CultureInfo.InvariantCulture), ushort.Parse(f[5], CultureInfo.InvariantCulture), f[6] == "1");

            Assert.True(InnerPacketReader.TryReadFiveTuple(Convert.FromHexString(f[7]), out var tuple) == DropReason.None, f[0]);
            Assert.True(expected == tuple, $"{f[0]}: expected {expected}, read {tuple}");
        }
    }

    [Theory]
    [InlineData("", DropReason.InnerPacketTooShort)]
    [InlineData("45000014", DropReason.InnerPacketTooShort)]
    [InlineData("5500001400000000401100000a0000010a000002", DropReason.InnerPacketUnsupportedVersion)]
    [InlineData("4400001400000000401100000a0000010a000002", DropReason.InnerPacketHeaderLengthInvalid)]
    [InlineData("4f00001400000000401100000a0000010a000002", DropReason.InnerPacketHeaderLengthInvalid)]
    [InlineData("4500001500000000401100000a0000010a000002", DropReason.InnerPacketLengthMismatch)]
    [InlineData("4500001000000000401100000a0000010a000002", DropReason.InnerPacketLengthMismatch)]
    [InlineData("60000000000811400000000000000000000000000000000100000000000000000000000000000002", DropReason.InnerPacketLengthMismatch)]
    [InlineData("600000000008004000000000000000000000000000000001000000000000000000000000000000021100000000000000", DropReason.None)]
    [InlineData("600000000008004000000000000000000000000000000001000000000000000000000000000000021101000000000000", DropReason.InnerPacketExtensionChainInvalid)]
    public void Bad_inner_packets_are_dropped_with_a_reason(string hex, DropReason expected) =>
        Assert.Equal(expected, InnerPacketReader.TryReadFiveTuple(Convert.FromHexString(hex), out _));

    [Fact]
    public void Udp_without_room_for_ports_has_no_ports()
    {
        // IPv4 header says UDP but carries only 2 octets of it.
        var packet = Convert.FromHexString("4500001600000000401100000a0000010a0000020035");

        Assert.Equal(DropReason.None, InnerPacketReader.TryReadFiveTuple(packet, out var tuple));
        Assert.Equal((0, 0), (tuple.SourcePort, tuple.DestinationPort));
    }

    [Property(MaxTest = 5000)]
    public bool Random_bytes_never_throw(byte[] bytes)
    {
        var reason = InnerPacketReader.TryReadFiveTuple(bytes, out var tuple);
        return reason != DropReason.None || tuple.Source.IsIPv6 == tuple.Destination.IsIPv6;
    }

    [Property(MaxTest = 2000)]
    public bool Addresses_round_trip_through_their_octets(byte[] octets)
    {
        var span = octets.AsSpan(0, octets.Length >= 16 ? 16 : Math.Min(octets.Length, 4));
        if (!InetAddress.TryRead(span, out var address))
        {
            return span.Length is not (4 or 16);
        }

        Span<byte> back = stackalloc byte[16];
        return address.TryWrite(back) && back[..address.Length].SequenceEqual(span) && InetAddress.From(address.ToIPAddress()) == address;
    }
}
