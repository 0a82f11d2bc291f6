using System.Text;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.InformationElements;

public sealed class InformationElementTests
{
    [Theory]
    [InlineData("internet", "internet")] // free5GC: the name as text
    [InlineData("\u0008internet", "internet")] // Open5GS: DNS labels
    [InlineData("\u0003ims\u0003mnc\u0003001", "ims.mnc.001")]
    [InlineData("5g.internet", "5g.internet")] // text whose first character would be a label too long
    [InlineData("\u0003ims\u0000", "ims")] // labels with the root label
    public void Names_are_read_as_labels_or_as_text(string wire, string expected) =>
        Assert.Equal(expected, DnsLabels.DecodeLabelsOrText(Encoding.ASCII.GetBytes(wire)));

    [Fact]
    public void Fseid_with_both_addresses_round_trips()
    {
        var fseid = new FSeid(42, InetAddress.Parse("10.0.0.1"), InetAddress.Parse("2001:db8::1"));
        var buffer = new byte[64];
        var writer = new PfcpWriter(buffer);
        fseid.Write(ref writer);
        var reader = new PfcpIeReader(buffer.AsSpan(0, writer.Position));

        Assert.True(reader.MoveNext());
        Assert.Equal((PfcpIeType.FSeid, 4 + 9 + 4 + 16), (reader.Current.KnownType, writer.Position));
        Assert.True(FSeid.TryRead(reader.Current.Value, out var read));
        Assert.Equal(fseid, read);
        Assert.False(FSeid.TryRead(reader.Current.Value[..12], out _)); // the IPv4 flag set but the address cut
        Assert.False(FSeid.TryRead(Convert.FromHexString("000000000000000001"), out _)); // no address at all
    }

    [Theory]
    [InlineData(0xE913_A080u, "2023-12-01T00:00:00Z")] // era 0 (top bit set)
    [InlineData(0x0000_0010u, "2036-02-07T06:28:32Z")] // era 1: the seconds after 2036-02-07T06:28:16
    public void Ntp_seconds_are_read_in_the_right_era(uint seconds, string expected)
    {
        var time = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(time, NtpTime.ToDateTimeOffset(seconds));
        Assert.Equal(seconds, NtpTime.FromDateTimeOffset(time));
    }

    [Fact]
    public void Fqdn_node_ids_are_checked() =>
        Assert.Throws<ArgumentException>(() => NodeId.FromFqdn("a..b"));
}
