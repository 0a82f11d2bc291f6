using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
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
    /// A rule's list of QER or URR IDs as an exact-size array; the one-ID lists almost every PDR has (ID 1, 2, ...)
    /// are shared. The lists are read-only, so sharing is safe.
    /// </summary>
    public static IReadOnlyList<uint> Ids(List<uint>? ids) => ids switch
    {
        null or { Count: 0 } => [],
        [var only] when only < (uint)SingleIds.Length => SingleIds[only],
        _ => ids.ToArray(),
    };

    /// <summary>A PDI's SDF filters as an exact-size array; a single shared filter gives a shared one-element array.</summary>
    public static IReadOnlyList<FlowDescription> Filters(List<FlowDescription> filters) => filters switch
    {
        { Count: 0 } => [],
        [var only] => FlowLists.TryGetValue(only, out var shared) ? shared : FlowLists.Count < MaxEntries ? FlowLists.GetOrAdd(only, static f => [f]) : [only],
        _ => filters.ToArray(),
    };
}
