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

    public static string Name(string name) =>
        Names.TryGetValue(name, out var shared) ? shared : Names.Count < MaxEntries ? Names.GetOrAdd(name, name) : name;

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

        if (Flows.Count < MaxEntries)
        {
            flow = Flows.GetOrAdd(text, flow);
        }

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
        [var only] => FlowLists.TryGetValue(only, out var shared) ? shared : FlowLists.Count < MaxEntries ? FlowLists.GetOrAdd(only, static f => [f]) : [only],
        _ => filters.ToArray(),
    };
}
