using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PrecisionCloud.UserPlane.Classification;

/// <summary>
/// Rules of one address family as five <see cref="IntervalField{T}"/>s. A packet looks up one row per field and
/// the first bit set in the AND of the five rows is the first rule it matches: a handful of binary searches and a
/// vector AND over N/64 words instead of N rule comparisons.
/// </summary>
/// <typeparam name="TAddress">The address type: <see cref="uint"/> for IPv4, <see cref="UInt128"/> for IPv6.</typeparam>
internal sealed class BitVectorTable<TAddress>
    where TAddress : unmanaged, IBinaryInteger<TAddress>, IUnsignedNumber<TAddress>, IMinMaxValue<TAddress>
{
    /// <summary>Rows are padded to a whole number of the widest vector (8 x 64 bits).</summary>
    private const int WordAlignment = 8;

    private readonly IntervalField<TAddress> _source;
    private readonly IntervalField<TAddress> _destination;
    private readonly IntervalField<byte> _protocol;
    private readonly IntervalField<ushort> _sourcePort;
    private readonly IntervalField<ushort> _destinationPort;
    private readonly int[] _filterOfRule;
    private readonly int _words;

    public BitVectorTable(IReadOnlyList<Rule> rules)
    {
        _words = Math.Max(WordAlignment, (rules.Count + 63) / 64 + WordAlignment - 1) / WordAlignment * WordAlignment;
        _source = IntervalField<TAddress>.Build([.. rules.Select(r => r.Source)], _words);
        _destination = IntervalField<TAddress>.Build([.. rules.Select(r => r.Destination)], _words);
        _protocol = IntervalField<byte>.Build([.. rules.Select(r => r.Protocol)], _words);
        _sourcePort = IntervalField<ushort>.Build([.. rules.Select(r => r.SourcePort)], _words);
        _destinationPort = IntervalField<ushort>.Build([.. rules.Select(r => r.DestinationPort)], _words);
        _filterOfRule = [.. rules.Select(r => r.Filter)];
    }

    /// <summary>Bytes held by the rows of all fields.</summary>
    public long RowBytes => 8L * (_source.Rows.Length + _destination.Rows.Length + _protocol.Rows.Length + _sourcePort.Rows.Length + _destinationPort.Rows.Length);

    /// <summary>The first matching rule's filter index, 64 bits at a time.</summary>
    public int FindWords(TAddress source, TAddress destination, byte protocol, ushort sourcePort, ushort destinationPort)
    {
        var rows = new RowRefs(this, source, destination, protocol, sourcePort, destinationPort);
        for (nuint word = 0; word < (nuint)_words; word++)
        {
            var bits = rows.Word(word);
            if (bits != 0)
            {
                return _filterOfRule[((int)word << 6) + BitOperations.TrailingZeroCount(bits)];
            }
        }

        return -1;
    }

    /// <summary>The first matching rule's filter index, a vector of words at a time.</summary>
    public int Find<TLanes, TVector>(TAddress source, TAddress destination, byte protocol, ushort sourcePort, ushort destinationPort)
        where TLanes : struct, IVectorLanes<TVector, ulong>
        where TVector : struct
    {
        var rows = new RowRefs(this, source, destination, protocol, sourcePort, destinationPort);
        for (nuint word = 0; word < (nuint)_words; word += (nuint)TLanes.Count)
        {
            var both = TLanes.And(
                TLanes.And(TLanes.Load(ref rows.Source, word), TLanes.Load(ref rows.Destination, word)),
                TLanes.And(TLanes.And(TLanes.Load(ref rows.Protocol, word), TLanes.Load(ref rows.SourcePort, word)), TLanes.Load(ref rows.DestinationPort, word)));
            var lanes = TLanes.NonZeroLanes(both);
            if (lanes != 0)
            {
                var hit = word + (nuint)BitOperations.TrailingZeroCount(lanes);
                return _filterOfRule[((int)hit << 6) + BitOperations.TrailingZeroCount(rows.Word(hit))];
            }
        }

        return -1;
    }

    /// <summary>One rule: inclusive ranges per field, and the filter it came from.</summary>
    public readonly record struct Rule((TAddress Low, TAddress High) Source, (TAddress Low, TAddress High) Destination, (byte Low, byte High) Protocol,
        (ushort Low, ushort High) SourcePort, (ushort Low, ushort High) DestinationPort, int Filter);

    /// <summary>References to the five rows a packet selects.</summary>
    private ref struct RowRefs
    {
        public ref ulong Source;
        public ref ulong Destination;
        public ref ulong Protocol;
        public ref ulong SourcePort;
        public ref ulong DestinationPort;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public RowRefs(BitVectorTable<TAddress> table, TAddress source, TAddress destination, byte protocol, ushort sourcePort, ushort destinationPort)
        {
            Source = ref Row(table._source, source);
            Destination = ref Row(table._destination, destination);
            Protocol = ref Row(table._protocol, protocol);
            SourcePort = ref Row(table._sourcePort, sourcePort);
            DestinationPort = ref Row(table._destinationPort, destinationPort);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly ulong Word(nuint index) =>
            Unsafe.Add(ref Source, index) & Unsafe.Add(ref Destination, index) & Unsafe.Add(ref Protocol, index)
            & Unsafe.Add(ref SourcePort, index) & Unsafe.Add(ref DestinationPort, index);

        private static ref ulong Row<T>(IntervalField<T> field, T value)
            where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T> =>
            ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(field.Rows), field.RowOffset(value));
    }
}
