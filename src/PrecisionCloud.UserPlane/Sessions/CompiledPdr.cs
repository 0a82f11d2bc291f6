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
        // Held as plain values (an IPv6 prefix only when there is one): a million sessions each hold two PDRs.
        _ueIPv6 = rule.Pdi.UeIPv6Address is { } v6 ? new UeIPv6Prefix(AddressMatch.Prefix(v6, rule.Pdi.UeIPv6PrefixLength)) : null;
        HasUeAddress = rule.Pdi.UeIPv4Address is not null || _ueIPv6 is not null;
        (_ueIPv4, _matchesIPv4) = rule.Pdi.UeIPv4Address is { } address ? (address.IPv4, true) : (0u, !HasUeAddress);
        Far = far;
        Qers = qers;
        Urrs = urrs;
        RemovesOuterHeader = rule.OuterHeaderRemoval is not null;
    }

    private readonly uint _ueIPv4;
    private readonly bool _matchesIPv4;
    private readonly UeIPv6Prefix? _ueIPv6;

    public PacketDetectionRule Rule { get; }

    /// <summary>The QFI a packet must carry, or -1.</summary>
    public int Qfi { get; }

    /// <summary>
    /// The SDF filters in packet terms with <c>assigned</c> read as any address (the UE side is checked against the
    /// PDI's UE addresses separately), so sessions with the same filters share one classifier;
    /// <see langword="null"/> to match every packet.
    /// </summary>
    public PacketClassifier? Filters { get; }

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
            else if (_ueIPv6 is null || !_ueIPv6.Match.Matches(ue))
            {
                return false;
            }
        }

        return Filters is null || Filters.Classify(tuple) >= 0;
    }

    /// <summary>The UE's IPv6 prefix, boxed so that IPv4-only PDRs do not carry its bytes.</summary>
    private sealed record UeIPv6Prefix(AddressMatch Match);
}
