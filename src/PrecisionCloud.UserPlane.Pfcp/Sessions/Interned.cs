using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Classification;

namespace PrecisionCloud.UserPlane.Pfcp.Sessions;

/// <summary>
/// One shared instance of the names and flow descriptions SMFs send again and again (every session of a DNN has
/// the same network instance and, mostly, the same few SDF filters), so a million sessions do not keep a million
/// copies. Bounded: past the limit, values are simply not shared. Thread-safe.
/// </summary>
internal static class Interned
{
    private const int MaxEntries = 16_384;
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, FlowDescription> Flows = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<FlowDescription, FlowDescription[]> FlowLists = new(ReferenceEqualityComparer.Instance);
    private static readonly uint[][] SingleIds = [.. Enumerable.Range(0, 64).Select(id => new[] { (uint)id })];

    // Entries per table, counted here: ConcurrentDictionary.Count takes every lock, and a full table is asked on every miss.
    private static int _names;
    private static int _flows;
    private static int _flowLists;

    public static string Name(string name) => Names.TryGetValue(name, out var shared) ? shared : Share(Names, ref _names, name, name);

    /// <summary>The name an IE carries (DNS labels or text), shared; looked up without allocating when it is known.</summary>
    public static string Name(ReadOnlySpan<byte> value)
    {
        if (value.Length > 255)
        {
            return Name(DnsLabels.DecodeLabelsOrText(value));
        }

        Span<char> chars = stackalloc char[value.Length];
        var name = chars[..DnsLabels.DecodeLabelsOrText(value, chars)];
        return Names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var shared) ? shared : Name(new string(name));
    }

    /// <summary>The parsed flow description for ASCII text, shared; looked up without allocating when it is known.</summary>
    public static bool TryFlow(ReadOnlySpan<byte> text, [NotNullWhen(true)] out FlowDescription? flow)
    {
        if (text.Length <= 512)
        {
            Span<char> chars = stackalloc char[text.Length];
            var written = Encoding.ASCII.GetChars(text, chars);
            if (Flows.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..written], out flow))
            {
                return true;
            }
        }

        return TryFlow(Encoding.ASCII.GetString(text), out flow);
    }

    /// <summary>The parsed flow description for the text, shared; <see langword="false"/> when the text does not parse.</summary>
    public static bool TryFlow(string text, [NotNullWhen(true)] out FlowDescription? flow)
    {
        if (Flows.TryGetValue(text, out flow))
        {
            return true;
        }

        if (!FlowDescription.TryParse(text, out flow, out _))
        {
            return false;
        }

        flow = Share(Flows, ref _flows, text, flow);
        return true;
    }

    /// <summary>
    /// A one-ID list, as almost every PDR has for its QER and URR (ID 1, 2, ...): small IDs share one array. The
    /// lists are read-only, so sharing is safe.
    /// </summary>
    public static IReadOnlyList<uint> Id(uint id) => id < (uint)SingleIds.Length ? SingleIds[id] : [id];

    /// <summary>A PDI's SDF filters as an exact-size array; a single shared filter gives a shared one-element array.</summary>
    public static IReadOnlyList<FlowDescription> Filters(List<FlowDescription>? filters) => filters switch
    {
        null or { Count: 0 } => [],
        [var only] => FlowLists.TryGetValue(only, out var shared) ? shared : Share(FlowLists, ref _flowLists, only, [only]),
        _ => filters.ToArray(),
    };

    /// <summary>Adds <paramref name="value"/> unless the table is full; returns the one the table holds for the key, or the value itself.</summary>
    private static TValue Share<TKey, TValue>(ConcurrentDictionary<TKey, TValue> table, ref int count, TKey key, TValue value)
        where TKey : notnull
    {
        if (Volatile.Read(ref count) >= MaxEntries)
        {
            return value;
        }

        if (table.TryAdd(key, value))
        {
            Interlocked.Increment(ref count);
            return value;
        }

        return table.TryGetValue(key, out var shared) ? shared : value;
    }
}
