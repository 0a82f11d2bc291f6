using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Tests.Classification;

public sealed class FlowDescriptionTests
{
    [Fact]
    public void The_issue_example_parses()
    {
        var description = FlowDescription.Parse("permit out 17 from 10.0.0.0/8 1000-2000 to assigned 53");

        Assert.Equal(FlowDirection.Out, description.Direction);
        Assert.Equal((byte)17, description.Protocol);
        Assert.Equal(AddressMatch.Prefix(InetAddress.Parse("10.0.0.0"), 8), description.Source);
        Assert.Equal([new PortRange(1000, 2000)], description.SourcePorts);
        Assert.Equal(AddressMatch.Assigned, description.Destination);
        Assert.Equal([new PortRange(53, 53)], description.DestinationPorts);
    }

    [Theory]
    [InlineData("permit out ip from any to assigned", null, "any", "", "assigned", "")]
    [InlineData("permit out 6 from 192.168.1.1 80,443 to 10.45.0.0/16 1024-65535", (byte)6, "192.168.1.1/32", "80,443", "10.45.0.0/16", "1024-65535")]
    [InlineData("permit out ip from 2001:db8::/32 to assigned", null, "2001:db8::/32", "", "assigned", "")]
    [InlineData("permit out 58 from 2001:db8::1 to 2001:db8:1::/48", (byte)58, "2001:db8::1/128", "", "2001:db8:1::/48", "")]
    [InlineData("permit out 1 from any to any", (byte)1, "any", "", "any", "")]
    [InlineData("PERMIT OUT IP FROM ANY TO ASSIGNED", null, "any", "", "assigned", "")]
    [InlineData("permit  out\t17   from 10.1.2.3/24 to any 0-65535", (byte)17, "10.1.2.0/24", "", "any", "0-65535")]
    public void Valid_descriptions_parse(string text, byte? protocol, string source, string sourcePorts, string destination, string destinationPorts)
    {
        Assert.True(FlowDescription.TryParse(text, out var description, out var error), error);

        Assert.Equal(protocol, description.Protocol);
        Assert.Equal(source, description.Source.ToString());
        Assert.Equal(sourcePorts, string.Join(',', description.SourcePorts));
        Assert.Equal(destination, description.Destination.ToString());
        Assert.Equal(destinationPorts, string.Join(',', description.DestinationPorts));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("deny out ip from any to any", "expected 'permit'")]
    [InlineData("permit sideways ip from any to any", "'out' or 'in'")]
    [InlineData("permit out 256 from any to any", "protocol '256'")]
    [InlineData("permit out tcp from any to any", "protocol 'tcp'")]
    [InlineData("permit out ip to any", "expected 'from'")]
    [InlineData("permit out ip from any", "expected 'to'")]
    [InlineData("permit out ip from any to", "expected an address after 'to'")]
    [InlineData("permit out ip from 10.0.0.0/33 to any", "prefix length in '10.0.0.0/33'")]
    [InlineData("permit out ip from 2001:db8::/129 to any", "0 to 128")]
    [InlineData("permit out ip from 10.0.0 to any", "'10.0.0' is not")]
    [InlineData("permit out ip from 10.0.0.1 to 2001:db8::1", "different IP versions")]
    [InlineData("permit out 17 from any 2000-1000 to any", "ends before it starts")]
    [InlineData("permit out 17 from any 70000 to any", "port '70000'")]
    [InlineData("permit out 17 from any 1,,2 to any", "port ''")]
    [InlineData("permit out ip from any to any frag", "option 'frag'")]
    [InlineData("permit out ip from any to any extra", "unexpected 'extra'")]
    public void Invalid_descriptions_are_rejected_with_a_reason(string text, string reason)
    {
        Assert.False(FlowDescription.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => FlowDescription.Parse(text));
    }

    [Fact]
    public void Uplink_packets_see_the_description_swapped()
    {
        var description = FlowDescription.Parse("permit out 17 from 8.8.8.8/32 53 to assigned 1000-2000");

        var uplink = description.ForPackets(uplink: true);
        var downlink = description.ForPackets(uplink: false);

        Assert.Equal((AddressMatch.Assigned, "1000-2000", "8.8.8.8/32", "53"), (uplink.Source, string.Join(',', uplink.SourcePorts), uplink.Destination.ToString(), string.Join(',', uplink.DestinationPorts)));
        Assert.Equal(("8.8.8.8/32", AddressMatch.Assigned), (downlink.Source.ToString(), downlink.Destination));
        var ue = AddressMatch.Prefix(InetAddress.Parse("10.45.0.2"), 32);
        var packet = new FiveTuple(InetAddress.Parse("10.45.0.2"), InetAddress.Parse("8.8.8.8"), 17, 1500, 53);
        Assert.True(uplink.Resolve(ue).Matches(packet));
        Assert.False(downlink.Resolve(ue).Matches(packet));
    }

    [Fact]
    public void In_direction_is_not_swapped_for_uplink()
    {
        var uplink = FlowDescription.Parse("permit in 6 from assigned to 1.2.3.4 443").ForPackets(uplink: true);

        Assert.Equal((AddressMatch.Assigned, "1.2.3.4/32"), (uplink.Source, uplink.Destination.ToString()));
    }

    [Property(Arbitrary = [typeof(DescriptionArbitraries)], MaxTest = 1000)]
    public bool Text_form_round_trips(FlowDescription description) =>
        FlowDescription.TryParse(description.ToString(), out var parsed, out _) && parsed.ToString() == description.ToString()
        && parsed.Source == description.Source && parsed.Destination == description.Destination && parsed.Protocol == description.Protocol;

    [Property(MaxTest = 3000)]
    public bool Arbitrary_text_never_throws(string? text) =>
        FlowDescription.TryParse(text, out var description, out var error) ? description is not null : !string.IsNullOrEmpty(error);

    public static class DescriptionArbitraries
    {
        public static Arbitrary<FlowDescription> Descriptions() => (
            from direction in Gen.Elements(FlowDirection.Out, FlowDirection.In)
            from protocol in Gen.OneOf(Gen.Constant<byte?>(null), Gen.Choose(0, 255).Select(p => (byte?)p))
            from ipv6 in Gen.Elements(false, true)
            from source in Address(ipv6)
            from sourcePorts in Ports()
            from destination in Address(ipv6)
            from destinationPorts in Ports()
            select new FlowDescription
            {
                Direction = direction,
                Protocol = protocol,
                Source = source,
                SourcePorts = sourcePorts,
                Destination = destination,
                DestinationPorts = destinationPorts,
            }).ToArbitrary();

        internal static Gen<AddressMatch> Address(bool ipv6) => Gen.Frequency(
            (1, Gen.Constant(AddressMatch.Any)),
            (1, Gen.Constant(AddressMatch.Assigned)),
            (4, ipv6
                ? from high in ArbMap.Default.GeneratorFor<ulong>()
                  from low in ArbMap.Default.GeneratorFor<ulong>()
                  from length in Gen.Choose(0, 128)
                  select AddressMatch.Prefix(V6(high, low), length)
                : from value in ArbMap.Default.GeneratorFor<uint>()
                  from length in Gen.Choose(0, 32)
                  select AddressMatch.Prefix(InetAddress.FromIPv4(value), length)));

        internal static Gen<IReadOnlyList<PortRange>> Ports() =>
            (from low in Gen.Choose(0, 65535) from span in Gen.Choose(0, 3000) select new PortRange((ushort)low, (ushort)Math.Min(65535, low + span)))
            .ListOf().Select(l => (IReadOnlyList<PortRange>)l.Take(3).ToList());

        internal static InetAddress V6(ulong high, ulong low)
        {
            var octets = new byte[16];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(octets, high);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(octets.AsSpan(8), low);
            InetAddress.TryRead(octets, out var address);
            return address;
        }
    }
}
