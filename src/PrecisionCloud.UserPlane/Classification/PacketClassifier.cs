using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using PrecisionCloud.Hardware.Inventory;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Classification;

/// <summary>
/// Finds the first of an ordered list of <see cref="PacketFilter"/>s that a packet's 5-tuple matches: the
/// precedence search of PDR SDF filters and of steering rules. Filters are compiled into bit-vector tables (one
/// per address family): each packet field selects a row of bits, one per rule, and the first bit of the AND of
/// the rows is the answer, computed with the widest vectors the process may use. Beside it, a scalar path
/// compares rule by rule; it is the oracle of the tests and the baseline of the benchmarks.
/// Immutable once built, so any number of threads may classify at once; allocation-free per packet.
/// </summary>
public sealed class PacketClassifier
{
    private readonly LinearRules _linear;
    private readonly BitVectorTable<uint> _v4;
    private readonly BitVectorTable<UInt128> _v6;
    private readonly CompactIPv4Rule[]? _smallV4;

    private PacketClassifier(LinearRules linear, BitVectorTable<uint> v4, BitVectorTable<UInt128> v6, int filterCount, ClassifierPath path)
    {
        _linear = linear;
        _v4 = v4;
        _v6 = v6;
        FilterCount = filterCount;
        Path = path;
        _smallV4 = path == ClassifierPath.Scalar && linear.V4.Length <= SmallRuleSet ? [.. linear.V4.Select(r => new CompactIPv4Rule(r))] : null;
    }

    /// <summary>The number of filters.</summary>
    public int FilterCount { get; }

    /// <summary>The compiled rules: one per filter, address family and port-range combination.</summary>
    public int RuleCount => _linear.V4.Length + _linear.V6.Length;

    /// <summary>Memory held by the bit-vector rows, in bytes.</summary>
    public long TableBytes => _v4.RowBytes + _v6.RowBytes;

    /// <summary>The path <see cref="Classify(in FiveTuple)"/> uses.</summary>
    public ClassifierPath Path { get; }

    /// <summary>The fastest path this process may use for large rule sets, from the ISA features .NET enables.</summary>
    public static ClassifierPath BestPath { get; } = ChooseBestPath(IsaFeatureDetector.DetectForCurrentProcess());

    /// <summary>
    /// Up to this many compiled rules, comparing rule by rule beats the bit-vector search (whose five interval
    /// lookups cost more than a handful of comparisons), so small sets such as one PDR's SDF filters use it.
    /// </summary>
    public const int SmallRuleSet = 8;

    /// <summary>Compiles filters, highest priority first. Filters must have <c>assigned</c> resolved.</summary>
    /// <param name="filters">The filters; the result of a match is an index into this list.</param>
    /// <param name="path">The path to use; by default <see cref="ClassifierPath.Scalar"/> for small sets and <see cref="BestPath"/> otherwise.</param>
    /// <returns>The classifier.</returns>
    /// <exception cref="ArgumentException">A filter still says <c>assigned</c>.</exception>
    public static PacketClassifier Build(IReadOnlyList<PacketFilter> filters, ClassifierPath? path = null)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var v4 = new List<BitVectorTable<uint>.Rule>();
        var v6 = new List<BitVectorTable<UInt128>.Rule>();
        for (var index = 0; index < filters.Count; index++)
        {
            var filter = filters[index];
            if (filter.Source.Kind == AddressMatchKind.Assigned || filter.Destination.Kind == AddressMatchKind.Assigned)
            {
                throw new ArgumentException($"Filter {index} still matches 'assigned'; resolve it with the UE address first.", nameof(filters));
            }

            var family = filter.Source.Kind == AddressMatchKind.Prefix ? filter.Source.Address.IsIPv6
                : filter.Destination.Kind == AddressMatchKind.Prefix ? filter.Destination.Address.IsIPv6 : (bool?)null;
            var protocol = filter.Protocol is { } p ? (p, p) : ((byte)0, byte.MaxValue);
            foreach (var sourcePorts in filter.SourcePorts.Count == 0 ? [PortRange.All] : filter.SourcePorts)
            {
                foreach (var destinationPorts in filter.DestinationPorts.Count == 0 ? [PortRange.All] : filter.DestinationPorts)
                {
                    if (family is null or false)
                    {
                        v4.Add(new(V4Range(filter.Source), V4Range(filter.Destination), protocol, (sourcePorts.Low, sourcePorts.High), (destinationPorts.Low, destinationPorts.High), index));
                    }

                    if (family is null or true)
                    {
                        v6.Add(new(V6Range(filter.Source), V6Range(filter.Destination), protocol, (sourcePorts.Low, sourcePorts.High), (destinationPorts.Low, destinationPorts.High), index));
                    }
                }
            }
        }

        var rules = v4.Count + v6.Count;
        return new PacketClassifier(new LinearRules(v4, v6), new BitVectorTable<uint>(v4), new BitVectorTable<UInt128>(v6), filters.Count,
            path ?? (rules <= SmallRuleSet ? ClassifierPath.Scalar : BestPath));
    }

    /// <summary>The index of the first filter the packet matches, or -1.</summary>
    /// <param name="tuple">The packet's 5-tuple.</param>
    /// <returns>The filter index, or -1 when none matches.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Classify(in FiveTuple tuple) => Classify(tuple, Path);

    /// <summary>
    /// Whether any filter matches: what a PDR asks of its SDF filters. A small rule set on the scalar path checks an
    /// IPv4 packet inline against compact rules; everything else classifies.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool MatchesAny(in FiveTuple tuple)
    {
        if (_smallV4 is { } rules && !tuple.Source.IsIPv6)
        {
            var (source, destination) = (tuple.Source.IPv4, tuple.Destination.IPv4);
            foreach (ref readonly var rule in rules.AsSpan())
            {
                if (rule.Matches(source, destination, tuple.Protocol, tuple.SourcePort, tuple.DestinationPort))
                {
                    return true;
                }
            }

            return false;
        }

        return ClassifyOutOfLine(tuple) >= 0;
    }

    /// <summary>The general search, kept out of the callers' code so its vector locals do not swell their frames.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ClassifyOutOfLine(in FiveTuple tuple) => Classify(tuple, Path);

    /// <summary>The index of the first matching filter, on a chosen path (for tests and benchmarks).</summary>
    /// <param name="tuple">The packet's 5-tuple.</param>
    /// <param name="path">The path; a vector path the process cannot accelerate still gives the right answer, slower.</param>
    /// <returns>The filter index, or -1 when none matches.</returns>
    public int Classify(in FiveTuple tuple, ClassifierPath path)
    {
        if (!tuple.Source.IsIPv6)
        {
            var (source, destination) = (tuple.Source.IPv4, tuple.Destination.IPv4);
            return path switch
            {
                ClassifierPath.Vector512 => _v4.Find<Lanes512<ulong>, Vector512<ulong>>(source, destination, tuple.Protocol, tuple.SourcePort, tuple.DestinationPort),
                ClassifierPath.Vector256 => _v4.Find<Lanes256<ulong>, Vector256<ulong>>(source, destination, tuple.Protocol, tuple.SourcePort, tuple.DestinationPort),
                ClassifierPath.Vector128 => _v4.Find<Lanes128<ulong>, Vector128<ulong>>(source, destination, tuple.Protocol, tuple.SourcePort, tuple.DestinationPort),
                ClassifierPath.Words64 => _v4.FindWords(source, destination, tuple.Protocol, tuple.SourcePort, tuple.DestinationPort),
                _ => LinearRules.Scan(_linear.V4, source, destination, tuple),
            };
        }

        var (source6, destination6) = (tuple.Source.Value, tuple.Destination.Value);
        return path switch
        {
            ClassifierPath.Vector512 => _v6.Find<Lanes512<ulong>, Vector512<ulong>>(source6, destination6, tuple.Protocol, tuple.SourcePort, tuple.DestinationPort),
            ClassifierPath.Vector256 => _v6.Find<Lanes256<ulong>, Vector256<ulong>>(source6, destination6, tuple.Protocol, tuple.SourcePort, tuple.DestinationPort),
            ClassifierPath.Vector128 => _v6.Find<Lanes128<ulong>, Vector128<ulong>>(source6, destination6, tuple.Protocol, tuple.SourcePort, tuple.DestinationPort),
            ClassifierPath.Words64 => _v6.FindWords(source6, destination6, tuple.Protocol, tuple.SourcePort, tuple.DestinationPort),
            _ => LinearRules.Scan(_linear.V6, source6, destination6, tuple),
        };
    }

    internal static ClassifierPath ChooseBestPath(IsaFeatures features) =>
        (features & IsaFeatures.Vector512) != 0 ? ClassifierPath.Vector512
        : (features & IsaFeatures.Vector256) != 0 ? ClassifierPath.Vector256
        : (features & IsaFeatures.Vector128) != 0 ? ClassifierPath.Vector128
        : ClassifierPath.Words64;

    private static (uint Low, uint High) V4Range(AddressMatch match)
    {
        if (match.Kind != AddressMatchKind.Prefix)
        {
            return (0, uint.MaxValue);
        }

        var mask = InetAddressMath.IPv4Mask(match.PrefixLength);
        return (match.Address.IPv4, match.Address.IPv4 | ~mask);
    }

    private static (UInt128 Low, UInt128 High) V6Range(AddressMatch match)
    {
        if (match.Kind != AddressMatchKind.Prefix)
        {
            return (UInt128.Zero, UInt128.MaxValue);
        }

        var mask = InetAddressMath.IPv6Mask(match.PrefixLength);
        return (match.Address.Value, match.Address.Value | ~mask);
    }

    /// <summary>The rules as a list, compared one by one: the scalar reference path.</summary>
    private sealed class LinearRules(List<BitVectorTable<uint>.Rule> v4, List<BitVectorTable<UInt128>.Rule> v6)
    {
        public BitVectorTable<uint>.Rule[] V4 { get; } = [.. v4];

        public BitVectorTable<UInt128>.Rule[] V6 { get; } = [.. v6];

        public static int Scan<TAddress>(BitVectorTable<TAddress>.Rule[] rules, TAddress source, TAddress destination, in FiveTuple tuple)
            where TAddress : unmanaged, System.Numerics.IBinaryInteger<TAddress>, System.Numerics.IUnsignedNumber<TAddress>, System.Numerics.IMinMaxValue<TAddress>
        {
            foreach (ref readonly var rule in rules.AsSpan())
            {
                if (source >= rule.Source.Low && source <= rule.Source.High
                    && destination >= rule.Destination.Low && destination <= rule.Destination.High
                    && tuple.Protocol >= rule.Protocol.Low && tuple.Protocol <= rule.Protocol.High
                    && tuple.SourcePort >= rule.SourcePort.Low && tuple.SourcePort <= rule.SourcePort.High
                    && tuple.DestinationPort >= rule.DestinationPort.Low && tuple.DestinationPort <= rule.DestinationPort.High)
                {
                    return rule.Filter;
                }
            }

            return -1;
        }
    }
}
