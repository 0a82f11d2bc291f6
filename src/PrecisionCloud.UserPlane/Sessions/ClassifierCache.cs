using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>
/// Compiles a PDR's SDF filters once per distinct filter list: <c>assigned</c> is read as any address (the PDR
/// checks the UE side itself), so the thousands of sessions an SMF sets up with the same filters share one
/// classifier. A filter list that matches everything compiles to none at all.
/// </summary>
internal sealed class ClassifierCache
{
    private const int MaxEntries = 100_000;
    private readonly Dictionary<string, PacketClassifier?> _cache = new(StringComparer.Ordinal);

    public int Count => _cache.Count;

    public PacketClassifier? For(PacketDetectionRule pdr)
    {
        if (pdr.Pdi.SdfFilters.Count == 0)
        {
            return null;
        }

        var uplink = pdr.Pdi.SourceInterface == SourceInterface.Access;
        var key = (uplink ? "U|" : "D|") + string.Join('|', pdr.Pdi.SdfFilters);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var filters = pdr.Pdi.SdfFilters.Select(d => d.ForPackets(uplink).Resolve(AddressMatch.Any)).ToList();
        var classifier = filters.Any(IsAll) ? null : PacketClassifier.Build(filters);
        if (_cache.Count < MaxEntries)
        {
            _cache[key] = classifier;
        }

        return classifier;
    }

    private static bool IsAll(PacketFilter filter) =>
        filter.Protocol is null && filter.Source.Kind == AddressMatchKind.Any && filter.Destination.Kind == AddressMatchKind.Any
        && filter.SourcePorts.All(r => r == PortRange.All) && filter.DestinationPorts.All(r => r == PortRange.All);
}
