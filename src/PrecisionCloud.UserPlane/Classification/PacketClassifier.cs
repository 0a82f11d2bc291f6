using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PrecisionCloud.Hardware.Inventory;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Classification;

/// <summary>
/// Finds the first of an ordered list of <see cref="PacketFilter"/>s that a packet's 5-tuple matches: the
/// precedence search of PDR SDF filters and of steering rules. Filters are compiled into structure-of-arrays
/// tables (IPv4 in 32-bit lanes, IPv6 in 64-bit lanes) and scanned with the widest vectors the process may use,
/// beside a scalar path that is the oracle of the tests. Immutable once built, so any number of threads may
/// classify at once; allocation-free per packet.
/// </summary>
public sealed class PacketClassifier
{
    private readonly V4Table _v4;
    private readonly V6Table _v6;

    private PacketClassifier(V4Table v4, V6Table v6, int filterCount, ClassifierPath path)
    {
        _v4 = v4;
        _v6 = v6;
        FilterCount = filterCount;
        Path = path;
    }

    /// <summary>The number of filters (before port lists and address families were expanded).</summary>
    public int FilterCount { get; }

    /// <summary>The compiled entries: one per filter, address family and port-range combination.</summary>
    public int EntryCount => _v4.Count + _v6.Count;

    /// <summary>The path <see cref="Classify(in FiveTuple)"/> uses.</summary>
    public ClassifierPath Path { get; }

    /// <summary>The widest path this process may use, from the ISA features .NET enables.</summary>
    public static ClassifierPath BestPath { get; } = ChooseBestPath(IsaFeatureDetector.DetectForCurrentProcess());

    /// <summary>Compiles filters, highest priority first. Filters must have <c>assigned</c> resolved.</summary>
    /// <param name="filters">The filters; the result of a match is an index into this list.</param>
    /// <param name="path">The path to use; <see cref="BestPath"/> by default.</param>
    /// <returns>The classifier.</returns>
    /// <exception cref="ArgumentException">A filter still says <c>assigned</c>.</exception>
    public static PacketClassifier Build(IReadOnlyList<PacketFilter> filters, ClassifierPath? path = null)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var v4 = new List<V4Entry>();
        var v6 = new List<V6Entry>();
        for (var index = 0; index < filters.Count; index++)
        {
            var filter = filters[index];
            if (filter.Source.Kind == AddressMatchKind.Assigned || filter.Destination.Kind == AddressMatchKind.Assigned)
            {
                throw new ArgumentException($"Filter {index} still matches 'assigned'; resolve it with the UE address first.", nameof(filters));
            }

            var family = filter.Source.Kind == AddressMatchKind.Prefix ? filter.Source.Address.IsIPv6
                : filter.Destination.Kind == AddressMatchKind.Prefix ? filter.Destination.Address.IsIPv6 : (bool?)null;
            foreach (var sourcePorts in filter.SourcePorts.Count == 0 ? [PortRange.All] : filter.SourcePorts)
            {
                foreach (var destinationPorts in filter.DestinationPorts.Count == 0 ? [PortRange.All] : filter.DestinationPorts)
                {
                    if (family is null or false)
                    {
                        v4.Add(new V4Entry(filter, sourcePorts, destinationPorts, index));
                    }

                    if (family is null or true)
                    {
                        v6.Add(new V6Entry(filter, sourcePorts, destinationPorts, index));
                    }
                }
            }
        }

        return new PacketClassifier(new V4Table(v4), new V6Table(v6), filters.Count, path ?? BestPath);
    }

    /// <summary>The index of the first filter the packet matches, or -1.</summary>
    /// <param name="tuple">The packet's 5-tuple.</param>
    /// <returns>The filter index, or -1 when none matches.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Classify(in FiveTuple tuple) => Classify(tuple, Path);

    /// <summary>The index of the first matching filter, on a chosen path (for tests and benchmarks).</summary>
    /// <param name="tuple">The packet's 5-tuple.</param>
    /// <param name="path">The path; a vector path the process cannot accelerate still works, only slower.</param>
    /// <returns>The filter index, or -1 when none matches.</returns>
    public int Classify(in FiveTuple tuple, ClassifierPath path)
    {
        if (!tuple.Source.IsIPv6)
        {
            var packet = new V4Packet(tuple);
            return path switch
            {
                ClassifierPath.Vector512 => _v4.Scan<Lanes512<uint>, Vector512<uint>>(packet),
                ClassifierPath.Vector256 => _v4.Scan<Lanes256<uint>, Vector256<uint>>(packet),
                ClassifierPath.Vector128 => _v4.Scan<Lanes128<uint>, Vector128<uint>>(packet),
                _ => _v4.ScanScalar(packet),
            };
        }

        var v6 = new V6Packet(tuple);
        return path switch
        {
            ClassifierPath.Vector512 => _v6.Scan<Lanes512<ulong>, Vector512<ulong>>(v6),
            ClassifierPath.Vector256 => _v6.Scan<Lanes256<ulong>, Vector256<ulong>>(v6),
            ClassifierPath.Vector128 => _v6.Scan<Lanes128<ulong>, Vector128<ulong>>(v6),
            _ => _v6.ScanScalar(v6),
        };
    }

    internal static ClassifierPath ChooseBestPath(IsaFeatures features) =>
        (features & IsaFeatures.Vector512) != 0 ? ClassifierPath.Vector512
        : (features & IsaFeatures.Vector256) != 0 ? ClassifierPath.Vector256
        : (features & IsaFeatures.Vector128) != 0 ? ClassifierPath.Vector128
        : ClassifierPath.Scalar;

    private readonly record struct V4Packet(uint Source, uint Destination, uint Protocol, uint SourcePort, uint DestinationPort)
    {
        public V4Packet(in FiveTuple tuple)
            : this(tuple.Source.IPv4, tuple.Destination.IPv4, tuple.Protocol, tuple.SourcePort, tuple.DestinationPort)
        {
        }
    }

    private readonly record struct V6Packet(ulong SourceHigh, ulong SourceLow, ulong DestinationHigh, ulong DestinationLow, ulong Protocol, ulong SourcePort, ulong DestinationPort)
    {
        public V6Packet(in FiveTuple tuple)
            : this((ulong)(tuple.Source.Value >> 64), (ulong)tuple.Source.Value, (ulong)(tuple.Destination.Value >> 64), (ulong)tuple.Destination.Value,
                tuple.Protocol, tuple.SourcePort, tuple.DestinationPort)
        {
        }
    }

    private readonly record struct V4Entry(PacketFilter Filter, PortRange SourcePorts, PortRange DestinationPorts, int Index);

    private readonly record struct V6Entry(PacketFilter Filter, PortRange SourcePorts, PortRange DestinationPorts, int Index);

    /// <summary>IPv4 entries, one 32-bit lane each; padded to a whole Vector512 with entries that never match.</summary>
    private sealed class V4Table
    {
        private const int Lanes = 16;
        private readonly uint[] _source, _sourceMask, _destination, _destinationMask, _protocol, _protocolMask, _sourceLow, _sourceSpan, _destinationLow, _destinationSpan;
        private readonly int[] _index;

        public V4Table(List<V4Entry> entries)
        {
            Count = entries.Count;
            var padded = (Count + Lanes - 1) / Lanes * Lanes;
            _source = new uint[padded];
            _sourceMask = new uint[padded];
            _destination = new uint[padded];
            _destinationMask = new uint[padded];
            _protocol = new uint[padded];
            _protocolMask = new uint[padded];
            _sourceLow = new uint[padded];
            _sourceSpan = new uint[padded];
            _destinationLow = new uint[padded];
            _destinationSpan = new uint[padded];
            _index = new int[padded];
            for (var i = 0; i < padded; i++)
            {
                if (i >= Count)
                {
                    // Protocol 0xFFFFFFFF under a full mask: no packet (protocol <= 255) can match.
                    _protocol[i] = uint.MaxValue;
                    _protocolMask[i] = uint.MaxValue;
                    _index[i] = -1;
                    continue;
                }

                var (filter, sourcePorts, destinationPorts, index) = entries[i];
                (_source[i], _sourceMask[i]) = Prefix(filter.Source);
                (_destination[i], _destinationMask[i]) = Prefix(filter.Destination);
                (_protocol[i], _protocolMask[i]) = filter.Protocol is { } protocol ? (protocol, 0xFFu) : (0u, 0u);
                (_sourceLow[i], _sourceSpan[i]) = ((uint)sourcePorts.Low, (uint)(sourcePorts.High - sourcePorts.Low));
                (_destinationLow[i], _destinationSpan[i]) = ((uint)destinationPorts.Low, (uint)(destinationPorts.High - destinationPorts.Low));
                _index[i] = index;
            }
        }

        public int Count { get; }

        public int ScanScalar(in V4Packet packet)
        {
            for (var i = 0; i < Count; i++)
            {
                if ((packet.Source & _sourceMask[i]) == _source[i]
                    && (packet.Destination & _destinationMask[i]) == _destination[i]
                    && (packet.Protocol & _protocolMask[i]) == _protocol[i]
                    && packet.SourcePort - _sourceLow[i] <= _sourceSpan[i]
                    && packet.DestinationPort - _destinationLow[i] <= _destinationSpan[i])
                {
                    return _index[i];
                }
            }

            return -1;
        }

        public int Scan<TLanes, TVector>(in V4Packet packet)
            where TLanes : struct, IVectorLanes<TVector, uint>
            where TVector : struct
        {
            var source = TLanes.Create(packet.Source);
            var destination = TLanes.Create(packet.Destination);
            var protocol = TLanes.Create(packet.Protocol);
            var sourcePort = TLanes.Create(packet.SourcePort);
            var destinationPort = TLanes.Create(packet.DestinationPort);
            ref var sourceRef = ref MemoryMarshal.GetArrayDataReference(_source);
            ref var sourceMaskRef = ref MemoryMarshal.GetArrayDataReference(_sourceMask);
            ref var destinationRef = ref MemoryMarshal.GetArrayDataReference(_destination);
            ref var destinationMaskRef = ref MemoryMarshal.GetArrayDataReference(_destinationMask);
            ref var protocolRef = ref MemoryMarshal.GetArrayDataReference(_protocol);
            ref var protocolMaskRef = ref MemoryMarshal.GetArrayDataReference(_protocolMask);
            ref var sourceLowRef = ref MemoryMarshal.GetArrayDataReference(_sourceLow);
            ref var sourceSpanRef = ref MemoryMarshal.GetArrayDataReference(_sourceSpan);
            ref var destinationLowRef = ref MemoryMarshal.GetArrayDataReference(_destinationLow);
            ref var destinationSpanRef = ref MemoryMarshal.GetArrayDataReference(_destinationSpan);
            var length = (nuint)_source.Length;
            for (nuint i = 0; i < length; i += (nuint)TLanes.Count)
            {
                var match = TLanes.And(
                    TLanes.And(
                        TLanes.MaskedEquals(source, TLanes.Load(ref sourceMaskRef, i), TLanes.Load(ref sourceRef, i)),
                        TLanes.MaskedEquals(destination, TLanes.Load(ref destinationMaskRef, i), TLanes.Load(ref destinationRef, i))),
                    TLanes.And(
                        TLanes.MaskedEquals(protocol, TLanes.Load(ref protocolMaskRef, i), TLanes.Load(ref protocolRef, i)),
                        TLanes.And(
                            TLanes.InRange(sourcePort, TLanes.Load(ref sourceLowRef, i), TLanes.Load(ref sourceSpanRef, i)),
                            TLanes.InRange(destinationPort, TLanes.Load(ref destinationLowRef, i), TLanes.Load(ref destinationSpanRef, i)))));
                var bits = TLanes.MostSignificantBits(match);
                if (bits != 0)
                {
                    return _index[(int)i + BitOperations.TrailingZeroCount(bits)];
                }
            }

            return -1;
        }

        private static (uint Address, uint Mask) Prefix(AddressMatch match) =>
            match.Kind == AddressMatchKind.Prefix ? (match.Address.IPv4, InetAddressMath.IPv4Mask(match.PrefixLength)) : (0u, 0u);
    }

    /// <summary>IPv6 entries, 64-bit lanes (each address as two halves); padded to a whole Vector512.</summary>
    private sealed class V6Table
    {
        private const int Lanes = 8;
        private readonly ulong[] _sourceHigh, _sourceLow, _sourceMaskHigh, _sourceMaskLow, _destinationHigh, _destinationLow, _destinationMaskHigh, _destinationMaskLow;
        private readonly ulong[] _protocol, _protocolMask, _sourcePortLow, _sourcePortSpan, _destinationPortLow, _destinationPortSpan;
        private readonly int[] _index;

        public V6Table(List<V6Entry> entries)
        {
            Count = entries.Count;
            var padded = (Count + Lanes - 1) / Lanes * Lanes;
            ulong[] New() => new ulong[padded];
            (_sourceHigh, _sourceLow, _sourceMaskHigh, _sourceMaskLow) = (New(), New(), New(), New());
            (_destinationHigh, _destinationLow, _destinationMaskHigh, _destinationMaskLow) = (New(), New(), New(), New());
            (_protocol, _protocolMask, _sourcePortLow, _sourcePortSpan, _destinationPortLow, _destinationPortSpan) = (New(), New(), New(), New(), New(), New());
            _index = new int[padded];
            for (var i = 0; i < padded; i++)
            {
                if (i >= Count)
                {
                    _protocol[i] = ulong.MaxValue;
                    _protocolMask[i] = ulong.MaxValue;
                    _index[i] = -1;
                    continue;
                }

                var (filter, sourcePorts, destinationPorts, index) = entries[i];
                (_sourceHigh[i], _sourceLow[i], _sourceMaskHigh[i], _sourceMaskLow[i]) = Prefix(filter.Source);
                (_destinationHigh[i], _destinationLow[i], _destinationMaskHigh[i], _destinationMaskLow[i]) = Prefix(filter.Destination);
                (_protocol[i], _protocolMask[i]) = filter.Protocol is { } protocol ? (protocol, 0xFFul) : (0ul, 0ul);
                (_sourcePortLow[i], _sourcePortSpan[i]) = (sourcePorts.Low, (ulong)(sourcePorts.High - sourcePorts.Low));
                (_destinationPortLow[i], _destinationPortSpan[i]) = (destinationPorts.Low, (ulong)(destinationPorts.High - destinationPorts.Low));
                _index[i] = index;
            }
        }

        public int Count { get; }

        public int ScanScalar(in V6Packet packet)
        {
            for (var i = 0; i < Count; i++)
            {
                if ((packet.SourceHigh & _sourceMaskHigh[i]) == _sourceHigh[i] && (packet.SourceLow & _sourceMaskLow[i]) == _sourceLow[i]
                    && (packet.DestinationHigh & _destinationMaskHigh[i]) == _destinationHigh[i] && (packet.DestinationLow & _destinationMaskLow[i]) == _destinationLow[i]
                    && (packet.Protocol & _protocolMask[i]) == _protocol[i]
                    && packet.SourcePort - _sourcePortLow[i] <= _sourcePortSpan[i]
                    && packet.DestinationPort - _destinationPortLow[i] <= _destinationPortSpan[i])
                {
                    return _index[i];
                }
            }

            return -1;
        }

        public int Scan<TLanes, TVector>(in V6Packet packet)
            where TLanes : struct, IVectorLanes<TVector, ulong>
            where TVector : struct
        {
            var length = (nuint)_index.Length;
            for (nuint i = 0; i < length; i += (nuint)TLanes.Count)
            {
                var match = TLanes.And(
                    TLanes.And(
                        TLanes.And(Masked(packet.SourceHigh, _sourceMaskHigh, _sourceHigh, i), Masked(packet.SourceLow, _sourceMaskLow, _sourceLow, i)),
                        TLanes.And(Masked(packet.DestinationHigh, _destinationMaskHigh, _destinationHigh, i), Masked(packet.DestinationLow, _destinationMaskLow, _destinationLow, i))),
                    TLanes.And(
                        Masked(packet.Protocol, _protocolMask, _protocol, i),
                        TLanes.And(
                            TLanes.InRange(TLanes.Create(packet.SourcePort), Load(_sourcePortLow, i), Load(_sourcePortSpan, i)),
                            TLanes.InRange(TLanes.Create(packet.DestinationPort), Load(_destinationPortLow, i), Load(_destinationPortSpan, i)))));
                var bits = TLanes.MostSignificantBits(match);
                if (bits != 0)
                {
                    return _index[(int)i + BitOperations.TrailingZeroCount(bits)];
                }
            }

            return -1;

            static TVector Load(ulong[] values, nuint offset) => TLanes.Load(ref MemoryMarshal.GetArrayDataReference(values), offset);

            static TVector Masked(ulong value, ulong[] masks, ulong[] expected, nuint offset) =>
                TLanes.MaskedEquals(TLanes.Create(value), Load(masks, offset), Load(expected, offset));
        }

        private static (ulong High, ulong Low, ulong MaskHigh, ulong MaskLow) Prefix(AddressMatch match)
        {
            if (match.Kind != AddressMatchKind.Prefix)
            {
                return default;
            }

            var mask = InetAddressMath.IPv6Mask(match.PrefixLength);
            return ((ulong)(match.Address.Value >> 64), (ulong)match.Address.Value, (ulong)(mask >> 64), (ulong)mask);
        }
    }
}
