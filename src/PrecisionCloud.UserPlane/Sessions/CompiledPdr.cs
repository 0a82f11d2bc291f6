using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>A PDR resolved for the fast path: its filters compiled, its FAR, QERs and URRs as objects.</summary>
internal sealed class CompiledPdr
{
    public CompiledPdr(PacketDetectionRule rule, PacketClassifier? filters, CompiledFar far, QerState[] qers, UrrState[] urrs)
    {
        Rule = rule;
        Qfi = rule.Pdi.Qfi is { } qfi ? qfi : -1;
        Filters = filters;
        UeIPv4 = rule.Pdi.UeIPv4Address is { } v4 ? AddressMatch.Prefix(v4, 32) : null;
        UeIPv6 = rule.Pdi.UeIPv6Address is { } v6 ? AddressMatch.Prefix(v6, rule.Pdi.UeIPv6PrefixLength) : null;
        HasUeAddress = UeIPv4 is not null || UeIPv6 is not null;
        (_ueIPv4, _matchesIPv4) = rule.Pdi.UeIPv4Address is { } address ? (address.IPv4, true) : (0u, !HasUeAddress);
        Far = far;
        Qers = qers;
        Urrs = urrs;
        RemovesOuterHeader = rule.OuterHeaderRemoval is not null;
    }

    private readonly uint _ueIPv4;
    private readonly bool _matchesIPv4;

    public PacketDetectionRule Rule { get; }

    /// <summary>The QFI a packet must carry, or -1.</summary>
    public int Qfi { get; }

    /// <summary>
    /// The SDF filters in packet terms with <c>assigned</c> read as any address (the UE side is checked against
    /// <see cref="UeIPv4"/>/<see cref="UeIPv6"/>), so sessions with the same filters share one classifier;
    /// <see langword="null"/> to match every packet.
    /// </summary>
    public PacketClassifier? Filters { get; }

    /// <summary>The UE side of an IPv4 packet (source uplink, destination downlink) must fall here; none: no IPv4 packet matches.</summary>
    public AddressMatch? UeIPv4 { get; }

    /// <summary>The UE side of an IPv6 packet must fall here; none: no IPv6 packet matches.</summary>
    public AddressMatch? UeIPv6 { get; }

    /// <summary>Whether the PDI names a UE address at all (when it does not, every address matches).</summary>
    public bool HasUeAddress { get; }

    public CompiledFar Far { get; }

    public QerState[] Qers { get; }

    public UrrState[] Urrs { get; }

    public bool RemovesOuterHeader { get; }

    /// <summary>The prebuilt outer headers when the FAR tunnels over IPv4 and the QFI is fixed by the rules; otherwise none.</summary>
    public Pipeline.TunnelTemplate? Tunnel { get; init; }

    public bool Matches(in FiveTuple tuple, bool uplink, int packetQfi)
    {
        if (Qfi >= 0 && Qfi != packetQfi)
        {
            return false;
        }

        if (HasUeAddress)
        {
            var ue = uplink ? tuple.Source : tuple.Destination;
            if (!ue.IsIPv6)
            {
                // The common case, a single compare.
                if (!_matchesIPv4 || ue.IPv4 != _ueIPv4)
                {
                    return false;
                }
            }
            else if (UeIPv6 is not { } match || !match.Matches(ue))
            {
                return false;
            }
        }

        return Filters is null || Filters.Classify(tuple) >= 0;
    }
}
