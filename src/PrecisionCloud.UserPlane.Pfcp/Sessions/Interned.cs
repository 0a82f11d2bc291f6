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
}
