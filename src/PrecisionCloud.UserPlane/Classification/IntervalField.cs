using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PrecisionCloud.UserPlane.Classification;

/// <summary>
/// One packet field of a bit-vector classifier (Lakshman and Stiliadis, SIGCOMM 1998): the field's value space cut
/// into the elementary intervals that the rules' ranges create, each interval pointing at a row of bits with one
/// bit per rule whose range covers it. Rows that are equal are stored once.
/// </summary>
/// <typeparam name="T">The field's value type (unsigned).</typeparam>
internal sealed class IntervalField<T>
    where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
{
    private readonly T[] _starts;
    private readonly int[] _rowOffsets;

    private IntervalField(T[] starts, int[] rowOffsets, ulong[] rows)
    {
        _starts = starts;
        _rowOffsets = rowOffsets;
        Rows = rows;
    }

    /// <summary>The distinct rows, each <c>words</c> long, back to back.</summary>
    public ulong[] Rows { get; }

    public int IntervalCount => _starts.Length;

    /// <summary>Builds the field from each rule's inclusive range, in rule order.</summary>
    /// <param name="ranges">Rule i's range is ranges[i].</param>
    /// <param name="words">Row length in 64-bit words (a multiple of the widest vector).</param>
    public static IntervalField<T> Build(IReadOnlyList<(T Low, T High)> ranges, int words)
    {
        var boundaries = new SortedSet<T> { T.Zero };
        foreach (var (low, high) in ranges)
        {
            boundaries.Add(low);
            if (high != T.MaxValue)
            {
                boundaries.Add(high + T.One);
            }
        }

        var starts = boundaries.ToArray();

        // toggles[k]: the rules whose coverage starts or stops at interval k; a running XOR gives each row.
        var toggles = new List<int>?[starts.Length + 1];
        for (var rule = 0; rule < ranges.Count; rule++)
        {
            var (low, high) = ranges[rule];
            Add(toggles, Array.BinarySearch(starts, low), rule);
            Add(toggles, high == T.MaxValue ? starts.Length : Array.BinarySearch(starts, high + T.One), rule);
        }

        var current = new ulong[words];
        var rows = new List<ulong>();
        var known = new Dictionary<RowKey, int>();
        var rowOffsets = new int[starts.Length];
        for (var k = 0; k < starts.Length; k++)
        {
            foreach (var rule in toggles[k] ?? [])
            {
                current[rule >> 6] ^= 1UL << (rule & 63);
            }

            var key = new RowKey(current);
            if (!known.TryGetValue(key, out var offset))
            {
                offset = rows.Count;
                rows.AddRange(current);
                known.Add(new RowKey((ulong[])current.Clone()), offset);
            }

            rowOffsets[k] = offset;
        }

        return new IntervalField<T>(starts, rowOffsets, [.. rows]);
    }

    /// <summary>The offset in <see cref="Rows"/> of the row for a value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int RowOffset(T value)
    {
        // The last interval start that is <= value (starts[0] is zero, so one always is): branch-light binary search.
        ref var start = ref MemoryMarshal.GetArrayDataReference(_starts);
        nint low = 0;
        nint length = _starts.Length;
        while (length > 1)
        {
            var half = length >> 1;
            low = Unsafe.Add(ref start, low + half) <= value ? low + half : low;
            length -= half;
        }

        return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_rowOffsets), low);
    }

    private static void Add(List<int>?[] toggles, int index, int rule) => (toggles[index] ??= []).Add(rule);

    private readonly struct RowKey(ulong[] words) : IEquatable<RowKey>
    {
        private readonly ulong[] _words = words;

        public bool Equals(RowKey other) => _words.AsSpan().SequenceEqual(other._words);

        public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(_words.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
