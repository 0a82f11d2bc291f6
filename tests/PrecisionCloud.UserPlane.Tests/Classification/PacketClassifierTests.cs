using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrecisionCloud.Hardware.Inventory;
using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Tests.Classification;

public sealed class PacketClassifierTests
{
    private static readonly ClassifierPath[] Paths = Enum.GetValues<ClassifierPath>();

    [Fact]
    public void First_matching_filter_wins_on_every_path()
    {
        PacketFilter[] filters =
        [
            FlowDescription.Parse("permit out 6 from any to 10.0.0.0/8 443").ForPackets(false),
            FlowDescription.Parse("permit out 17 from any to 10.1.0.0/16 53,5353").ForPackets(false),
            FlowDescription.Parse("permit out ip from any to 10.0.0.0/8").ForPackets(false),
            FlowDescription.Parse("permit out ip from any to 2001:db8::/32").ForPackets(false),
            PacketFilter.All,
        ];
        var classifier = PacketClassifier.Build(filters);

        foreach (var path in Paths)
        {
            Assert.Equal(0, classifier.Classify(Tuple("1.1.1.1", "10.9.9.9", 6, 5555, 443), path));
            Assert.Equal(1, classifier.Classify(Tuple("1.1.1.1", "10.1.2.3", 17, 5555, 5353), path));
            Assert.Equal(2, classifier.Classify(Tuple("1.1.1.1", "10.1.2.3", 17, 5555, 54), path));
            Assert.Equal(3, classifier.Classify(Tuple("2001:db9::1", "2001:db8::5", 58, 0, 0), path));
            Assert.Equal(4, classifier.Classify(Tuple("2001:db9::1", "2001:db9::5", 58, 0, 0), path));
            Assert.Equal(4, classifier.Classify(Tuple("1.1.1.1", "192.168.0.1", 1, 0, 0), path));
        }

        Assert.Equal(5, classifier.FilterCount);
        Assert.Equal(7, classifier.RuleCount); // "any" filters sit in both families; the port list expands
    }

    [Fact]
    public void No_match_gives_minus_one_and_empty_classifiers_match_nothing()
    {
        var classifier = PacketClassifier.Build([FlowDescription.Parse("permit out 6 from any to 10.0.0.1 80").ForPackets(false)]);
        var empty = PacketClassifier.Build([]);

        foreach (var path in Paths)
        {
            Assert.Equal(-1, classifier.Classify(Tuple("1.1.1.1", "10.0.0.1", 6, 1, 81), path));
            Assert.Equal(-1, empty.Classify(Tuple("1.1.1.1", "10.0.0.1", 6, 1, 80), path));
        }
    }

    [Fact]
    public void Unresolved_assigned_is_refused() =>
        Assert.Throws<ArgumentException>(() => PacketClassifier.Build([FlowDescription.Parse("permit out ip from any to assigned").ForPackets(false)]));

    [Fact]
    public void Best_path_follows_the_isa_features()
    {
        Assert.Equal(ClassifierPath.Vector512, PacketClassifier.ChooseBestPath(IsaFeatures.Vector128 | IsaFeatures.Vector256 | IsaFeatures.Vector512));
        Assert.Equal(ClassifierPath.Vector256, PacketClassifier.ChooseBestPath(IsaFeatures.Vector128 | IsaFeatures.Vector256));
        Assert.Equal(ClassifierPath.Vector128, PacketClassifier.ChooseBestPath(IsaFeatures.Vector128 | IsaFeatures.AdvSimd));
        Assert.Equal(ClassifierPath.Words64, PacketClassifier.ChooseBestPath(IsaFeatures.None));
        Assert.Equal(PacketClassifier.ChooseBestPath(IsaFeatureDetector.DetectForCurrentProcess()), PacketClassifier.BestPath);
    }

    [Property(Arbitrary = [typeof(ClassifierArbitraries)], MaxTest = 400)]
    public bool Every_path_agrees_with_the_reference_semantics(Scenario scenario)
    {
        var classifier = PacketClassifier.Build(scenario.Filters);
        foreach (var tuple in scenario.Packets)
        {
            var expected = -1;
            for (var i = 0; i < scenario.Filters.Length; i++)
            {
                if (scenario.Filters[i].Matches(tuple))
                {
                    expected = i;
                    break;
                }
            }

            foreach (var path in Paths)
            {
                if (classifier.Classify(tuple, path) != expected)
                {
                    return false;
                }
            }

            // What a PDR asks (any match), answered inline from compact rules for small sets.
            if (classifier.MatchesAny(tuple) != expected >= 0)
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void Large_rule_sets_agree_across_many_words_and_lanes()
    {
        // Past 64 rules a row spans several words, past 512 several Vector512s: hits must land in the right one.
        var random = new Random(29244);
        var filters = new PacketFilter[1500];
        for (var i = 0; i < filters.Length; i++)
        {
            var destination = AddressMatch.Prefix(InetAddress.FromIPv4(0x0A000000u | ((uint)random.Next(4096) << 8)), random.Next(20, 33));
            IReadOnlyList<PortRange> ports = random.Next(3) == 0 ? [new PortRange((ushort)random.Next(1000), (ushort)(1000 + random.Next(1000)))] : [];
            filters[i] = new PacketFilter(random.Next(3) == 0 ? null : (byte)(random.Next(2) == 0 ? 6 : 17), AddressMatch.Any, [], destination, ports);
        }

        var classifier = PacketClassifier.Build(filters);
        var hits = 0;
        for (var n = 0; n < 3000; n++)
        {
            var tuple = new FiveTuple(InetAddress.FromIPv4(0x0A2D0002), InetAddress.FromIPv4(0x0A000000u | ((uint)random.Next(4096) << 8) | (uint)random.Next(256)),
                (byte)(random.Next(2) == 0 ? 6 : 17), 40000, (ushort)random.Next(2500));
            var expected = Array.FindIndex(filters, f => f.Matches(tuple));
            hits += expected >= 0 ? 1 : 0;
            foreach (var path in Paths)
            {
                Assert.Equal(expected, classifier.Classify(tuple, path));
            }
        }

        Assert.InRange(hits, 300, 3000); // the packets really exercise matches, not only misses
    }

    private static FiveTuple Tuple(string source, string destination, byte protocol, ushort sourcePort, ushort destinationPort) =>
        new(InetAddress.Parse(source), InetAddress.Parse(destination), protocol, sourcePort, destinationPort);

    public sealed record Scenario(PacketFilter[] Filters, FiveTuple[] Packets)
    {
        public override string ToString() => $"{Filters.Length} filters: {string.Join(" ; ", Filters.Select(f => $"{f.Protocol}:{f.Source}[{string.Join(',', f.SourcePorts)}]->{f.Destination}[{string.Join(',', f.DestinationPorts)}]"))} | packets: {string.Join(" ; ", Packets)}";
    }

    public static class ClassifierArbitraries
    {
        // A small address space, so that random filters and packets actually meet.
        private static readonly string[] V4 = ["10.0.0.0", "10.0.0.1", "10.1.0.7", "192.168.1.1", "0.0.0.0", "255.255.255.255"];
        private static readonly string[] V6 = ["2001:db8::", "2001:db8::1", "2001:db8:1::7", "fe80::1", "::", "ffff::ffff"];

        public static Arbitrary<Scenario> Scenarios() => (
            from filters in Filter().ArrayOf().Select(f => f.Take(40).ToArray())
            from packets in Packet().ArrayOf().Select(p => p.Take(20).ToArray())
            select new Scenario(filters, packets)).ToArbitrary();

        private static Gen<PacketFilter> Filter() =>
            from ipv6 in Gen.Elements(false, true)
            from protocol in Gen.Elements<byte?>(null, 1, 6, 17, 58)
            from source in Address(ipv6)
            from destination in Address(ipv6)
            from sourcePorts in Ports()
            from destinationPorts in Ports()
            select new PacketFilter(protocol, source, sourcePorts, destination, destinationPorts);

        private static Gen<AddressMatch> Address(bool ipv6) => Gen.Frequency(
            (1, Gen.Constant(AddressMatch.Any)),
            (3, from text in Gen.Elements(ipv6 ? V6 : V4)
                from length in Gen.Choose(0, ipv6 ? 128 : 32)
                select AddressMatch.Prefix(InetAddress.Parse(text), length)));

        private static Gen<IReadOnlyList<PortRange>> Ports() =>
            (from low in Gen.Choose(0, 100) from span in Gen.Choose(0, 50) select new PortRange((ushort)low, (ushort)(low + span)))
            .ListOf().Select(l => (IReadOnlyList<PortRange>)l.Take(2).ToList());

        private static Gen<FiveTuple> Packet() =>
            from ipv6 in Gen.Elements(false, true)
            from source in Gen.Elements(ipv6 ? V6 : V4)
            from destination in Gen.Elements(ipv6 ? V6 : V4)
            from protocol in Gen.Elements<byte>(1, 6, 17, 58)
            from sourcePort in Gen.Choose(0, 160)
            from destinationPort in Gen.Choose(0, 160)
            select new FiveTuple(InetAddress.Parse(source), InetAddress.Parse(destination), protocol, (ushort)sourcePort, (ushort)destinationPort);
    }
}
