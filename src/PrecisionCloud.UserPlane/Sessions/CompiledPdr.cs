using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>
/// A PDR resolved for the fast path: its filters compiled, and what a packet needs from its FAR, QERs and URRs
/// flattened into its own fields (egress, gate, the policer and the URR of its direction), so that a packet touches
/// this object and the few mutable meters it points at, not a chain of rule objects.
/// </summary>
internal sealed class CompiledPdr
{
    public CompiledPdr(PacketDetectionRule rule, PacketClassifier? filters, CompiledFar far, ReadOnlySpan<QerState> qers, ReadOnlySpan<UrrState> urrs)
    {
        Id = rule.Id;
        _qfi = rule.Pdi.Qfi is { } qfi ? (sbyte)qfi : (sbyte)-1;
        Filters = filters;
        // Held as plain values (an IPv6 prefix only when there is one): a million sessions each hold two PDRs.
        _ueIPv6 = rule.Pdi.UeIPv6Address is { } v6 ? new UeIPv6Prefix(AddressMatch.Prefix(v6, rule.Pdi.UeIPv6PrefixLength)) : null;
        HasUeAddress = rule.Pdi.UeIPv4Address is not null || _ueIPv6 is not null;
        (_ueIPv4, _matchesIPv4) = rule.Pdi.UeIPv4Address is { } address ? (address.IPv4, true) : (0u, !HasUeAddress);
        Far = far;
        RemovesOuterHeader = rule.OuterHeaderRemoval is not null;
        IsUplink = rule.Pdi.SourceInterface == SourceInterface.Access;
        Egress = far.Egress;
        _n6Port = (short)far.N6Port;
        Duplicates = far.DuplicateTo is not null;
        GateOpen = true;
        MorePolicers = [];
        _markQfi = -1;
        foreach (var qer in qers)
        {
            GateOpen &= IsUplink ? qer.UplinkGateOpen : qer.DownlinkGateOpen;
            if (IsUplink ? qer.PolicesUplink : qer.PolicesDownlink)
            {
                if (Policer is null)
                {
                    Policer = qer;
                }
                else
                {
                    MorePolicers = [.. MorePolicers, qer];
                }
            }

            if (_markQfi < 0 && qer.Qfi >= 0)
            {
                (_markQfi, Rqi) = ((sbyte)qer.Qfi, qer.Rqi);
            }
        }

        Urr = urrs.Length > 0 ? urrs[0] : null;
        MoreUrrs = urrs.Length > 1 ? urrs[1..].ToArray() : [];
    }

    // Narrow fields: a million sessions hold four of these each, and 112 bytes rather than 128 is 64 per session.
    private readonly uint _ueIPv4;
    private readonly sbyte _qfi;
    private readonly sbyte _markQfi;
    private readonly short _n6Port;
    private readonly bool _matchesIPv4;
    private readonly UeIPv6Prefix? _ueIPv6;

    /// <summary>The PDR ID.</summary>
    public ushort Id { get; }

    /// <summary>The QFI a packet must carry, or -1.</summary>
    public int Qfi => _qfi;

    /// <summary>
    /// The SDF filters in packet terms with <c>assigned</c> read as any address (the UE side is checked against the
    /// PDI's UE addresses separately), so sessions with the same filters share one classifier;
    /// <see langword="null"/> to match every packet.
    /// </summary>
    public PacketClassifier? Filters { get; }

    /// <summary>Whether the PDI names a UE address at all (when it does not, every address matches).</summary>
    public bool HasUeAddress { get; }

    public CompiledFar Far { get; }

    public bool RemovesOuterHeader { get; }

    /// <summary>Whether the PDR matches uplink packets (source interface ACCESS) rather than downlink ones.</summary>
    public bool IsUplink { get; }

    /// <summary>The FAR's egress.</summary>
    public EgressKind Egress { get; }

    /// <summary>The FAR's N6 port (with <see cref="EgressKind.N6"/>).</summary>
    public int N6Port => _n6Port;

    /// <summary>The FAR's duplicating tunnel (lawful interception), if it duplicates.</summary>
    public OuterHeaderCreation? DuplicateTo => Far.DuplicateTo;

    /// <summary>Whether the FAR duplicates (the fast path tests this flag, and reads the tunnel only when set).</summary>
    public bool Duplicates { get; }

    /// <summary>Whether every QER's gate is open in this PDR's direction.</summary>
    public bool GateOpen { get; }

    /// <summary>The first QER that polices this PDR's direction, if any QER has a maximum bit rate for it.</summary>
    public QerState? Policer { get; }

    /// <summary>The other QERs that police it (rarely any).</summary>
    public QerState[] MorePolicers { get; }

    /// <summary>The QFI the first QER that has one marks packets with, or -1.</summary>
    public int MarkQfi => _markQfi;

    /// <summary>The reflective QoS indication of that QER.</summary>
    public bool Rqi { get; }

    /// <summary>The first URR.</summary>
    public UrrState? Urr { get; }

    /// <summary>The other URRs (rarely any).</summary>
    public UrrState[] MoreUrrs { get; }

    /// <summary>The rule set this PDR belongs to (set once by it).</summary>
    public CompiledSession Session { get; internal set; } = null!;

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

        return Filters is null || Filters.MatchesAny(tuple);
    }

    /// <summary>The UE's IPv6 prefix, boxed so that IPv4-only PDRs do not carry its bytes.</summary>
    private sealed record UeIPv6Prefix(AddressMatch Match);
}
