using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>
/// One array for each distinct list of shared objects that encoded rules refer to. Sessions of one DNN refer to the
/// same network instance names and filter lists, so a million sessions need a handful of these arrays rather than
/// one each. Elements compare by reference (strings by value, as the encoder keeps them); looked up without
/// allocating. Bounded: past the limit, lists are simply not shared. Thread-safe.
/// </summary>
internal static class SharedObjectLists
{
    private const int MaxEntries = 4_096;
    private static readonly ConcurrentDictionary<object[], object[]> Lists = new(ListComparer.Instance);
    private static int _count;

    /// <summary>The shared array with these elements, or a new one.</summary>
    public static object[] For(ReadOnlySpan<object> objects)
    {
        if (objects.IsEmpty)
        {
            return [];
        }

        if (Lists.GetAlternateLookup<ReadOnlySpan<object>>().TryGetValue(objects, out var shared))
        {
            return shared;
        }

        var fresh = objects.ToArray();
        if (Volatile.Read(ref _count) >= MaxEntries)
        {
            return fresh;
        }

        if (Lists.TryAdd(fresh, fresh))
        {
            Interlocked.Increment(ref _count);
            return fresh;
        }

        return Lists.TryGetValue(fresh, out shared) ? shared : fresh;
    }

    /// <summary>Whether two shared objects are the same: the same instance, or strings with the same text.</summary>
    public static bool Same(object x, object y) => ReferenceEquals(x, y) || (x is string text && y is string other && text == other);

    private sealed class ListComparer : IEqualityComparer<object[]>, IAlternateEqualityComparer<ReadOnlySpan<object>, object[]>
    {
        public static readonly ListComparer Instance = new();

        public bool Equals(object[]? x, object[]? y) => x is not null && y is not null && Equals(x.AsSpan(), y);

        public int GetHashCode(object[] list) => GetHashCode(list.AsSpan());

        public bool Equals(ReadOnlySpan<object> alternate, object[] other)
        {
            if (alternate.Length != other.Length)
            {
                return false;
            }

            for (var i = 0; i < alternate.Length; i++)
            {
                if (!Same(alternate[i], other[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(ReadOnlySpan<object> alternate)
        {
            var hash = new HashCode();
            foreach (var item in alternate)
            {
                hash.Add(item is string text ? StringComparer.Ordinal.GetHashCode(text) : RuntimeHelpers.GetHashCode(item));
            }

            return hash.ToHashCode();
        }

        public object[] Create(ReadOnlySpan<object> alternate) => alternate.ToArray();

    }
}
