using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Classification;

/// <summary>
/// A filter in the terms of the packets it is applied to: source and destination as the packet carries them.
/// Made from a <see cref="FlowDescription"/> with <see cref="FlowDescription.ForPackets"/>, or directly (steering rules).
/// </summary>
/// <param name="Protocol">The protocol number, or <see langword="null"/> for every protocol.</param>
/// <param name="Source">The packet's source address.</param>
/// <param name="SourcePorts">The packet's source ports; empty for every port.</param>
/// <param name="Destination">The packet's destination address.</param>
/// <param name="DestinationPorts">The packet's destination ports; empty for every port.</param>
public sealed record PacketFilter(byte? Protocol, AddressMatch Source, IReadOnlyList<PortRange> SourcePorts, AddressMatch Destination, IReadOnlyList<PortRange> DestinationPorts)
{
    /// <summary>A filter that matches every packet.</summary>
    public static PacketFilter All { get; } = new(null, AddressMatch.Any, [], AddressMatch.Any, []);

    /// <summary>Replaces <c>assigned</c> with the UE's address.</summary>
    /// <param name="ueAddress">The UE's address (or prefix, for IPv6 sessions).</param>
    /// <returns>The filter with no <c>assigned</c> left.</returns>
    public PacketFilter Resolve(AddressMatch ueAddress) => this with
    {
        Source = Source.Kind == AddressMatchKind.Assigned ? ueAddress : Source,
        Destination = Destination.Kind == AddressMatchKind.Assigned ? ueAddress : Destination,
    };

    /// <summary>Whether a packet's 5-tuple matches (the reference semantics the classifiers are tested against).</summary>
    /// <param name="tuple">The packet's 5-tuple.</param>
    /// <returns><see langword="true"/> on a match.</returns>
    public bool Matches(in FiveTuple tuple) =>
        (Protocol is null || Protocol == tuple.Protocol)
        && Source.Matches(tuple.Source)
        && Destination.Matches(tuple.Destination)
        && InAny(SourcePorts, tuple.SourcePort)
        && InAny(DestinationPorts, tuple.DestinationPort);

    private static bool InAny(IReadOnlyList<PortRange> ranges, ushort port)
    {
        if (ranges.Count == 0)
        {
            return true;
        }

        foreach (var range in ranges)
        {
            if (range.Contains(port))
            {
                return true;
            }
        }

        return false;
    }
}
