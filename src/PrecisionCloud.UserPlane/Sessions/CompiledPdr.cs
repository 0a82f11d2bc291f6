using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>A PDR resolved for the fast path: its filters compiled, its FAR, QERs and URRs as objects.</summary>
internal sealed class CompiledPdr
{
    public CompiledPdr(PacketDetectionRule rule, PacketClassifier? filters, AddressMatch ueAddress, CompiledFar far, QerState[] qers, UrrState[] urrs)
    {
        Rule = rule;
        Qfi = rule.Pdi.Qfi is { } qfi ? qfi : -1;
        Filters = filters;
        UeAddress = ueAddress;
        Far = far;
        Qers = qers;
        Urrs = urrs;
        RemovesOuterHeader = rule.OuterHeaderRemoval is not null;
    }

    public PacketDetectionRule Rule { get; }

    /// <summary>The QFI a packet must carry, or -1.</summary>
    public int Qfi { get; }

    /// <summary>The SDF filters in packet terms, or <see langword="null"/> to match every packet.</summary>
    public PacketClassifier? Filters { get; }

    /// <summary>The UE side of the packet (source uplink, destination downlink) must fall here.</summary>
    public AddressMatch UeAddress { get; }

    public CompiledFar Far { get; }

    public QerState[] Qers { get; }

    public UrrState[] Urrs { get; }

    public bool RemovesOuterHeader { get; }

    public bool Matches(in FiveTuple tuple, bool uplink, int packetQfi) =>
        (Qfi < 0 || Qfi == packetQfi)
        && (UeAddress.Kind == AddressMatchKind.Any || UeAddress.Matches(uplink ? tuple.Source : tuple.Destination))
        && (Filters is null || Filters.Classify(tuple) >= 0);
}
