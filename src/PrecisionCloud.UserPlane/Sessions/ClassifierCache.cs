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
    private readonly Dictionary<(bool Uplink, IReadOnlyList<FlowDescription> Filters), PacketClassifier?> _cache = new(FilterListComparer.Instance);

    public int Count => _cache.Count;

    public PacketClassifier? For(PacketDetectionRule pdr)
    {
        if (pdr.Pdi.SdfFilters.Count == 0)
        {
            return null;
        }

        var uplink = pdr.Pdi.SourceInterface == SourceInterface.Access;
        var key = (uplink, pdr.Pdi.SdfFilters);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var classifier = Build(pdr.Pdi.SdfFilters, uplink);
        if (_cache.Count < MaxEntries)
        {
            _cache[key] = classifier;
        }

        return classifier;
    }

    /// <summary>A miss: kept apart from the lookup so that a hit allocates nothing (the lambda captures the direction).</summary>
    private static PacketClassifier? Build(IReadOnlyList<FlowDescription> descriptions, bool uplink)
    {
        var filters = descriptions.Select(d => d.ForPackets(uplink).Resolve(AddressMatch.Any)).ToList();
        return filters.Any(IsAll) ? null : PacketClassifier.Build(filters);
    }

    private static bool IsAll(PacketFilter filter) =>
        filter.Protocol is null && filter.Source.Kind == AddressMatchKind.Any && filter.Destination.Kind == AddressMatchKind.Any
        && filter.SourcePorts.All(r => r == PortRange.All) && filter.DestinationPorts.All(r => r == PortRange.All);

    /// <summary>
    /// Filter lists compared by what they say, element by element (the same shared list, as the PFCP agent passes
    /// for every session of a DNN, is equal at once), without building a text key per PDR.
    /// </summary>
    private sealed class FilterListComparer : IEqualityComparer<(bool Uplink, IReadOnlyList<FlowDescription> Filters)>
    {
        public static readonly FilterListComparer Instance = new();

        public bool Equals((bool Uplink, IReadOnlyList<FlowDescription> Filters) x, (bool Uplink, IReadOnlyList<FlowDescription> Filters) y)
        {
            if (x.Uplink != y.Uplink || x.Filters.Count != y.Filters.Count)
            {
                return false;
            }

            if (ReferenceEquals(x.Filters, y.Filters))
            {
                return true;
            }

            for (var i = 0; i < x.Filters.Count; i++)
            {
                if (!Same(x.Filters[i], y.Filters[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode((bool Uplink, IReadOnlyList<FlowDescription> Filters) key)
        {
            var hash = new HashCode();
            hash.Add(key.Uplink);
            for (var i = 0; i < key.Filters.Count; i++)
            {
                var filter = key.Filters[i];
                hash.Add(filter.Direction);
                hash.Add(filter.Protocol);
                hash.Add(filter.Source);
                hash.Add(filter.Destination);
                hash.Add(filter.SourcePorts.Count);
                hash.Add(filter.DestinationPorts.Count);
            }

            return hash.ToHashCode();
        }

        private static bool Same(FlowDescription x, FlowDescription y) =>
            ReferenceEquals(x, y)
            || (x.Direction == y.Direction && x.Protocol == y.Protocol && x.Source == y.Source && x.Destination == y.Destination
                && SamePorts(x.SourcePorts, y.SourcePorts) && SamePorts(x.DestinationPorts, y.DestinationPorts));

        private static bool SamePorts(IReadOnlyList<PortRange> x, IReadOnlyList<PortRange> y)
        {
            if (x.Count != y.Count)
            {
                return false;
            }

            for (var i = 0; i < x.Count; i++)
            {
                if (x[i] != y[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
