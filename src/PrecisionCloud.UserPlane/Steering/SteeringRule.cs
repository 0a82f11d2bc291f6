using PrecisionCloud.UserPlane.Classification;

namespace PrecisionCloud.UserPlane.Steering;

/// <summary>
/// A local-breakout rule: uplink packets of the chosen UEs that match a filter go to an edge application's local N6
/// port. Replies from the application enter on that port and are tunnelled back by the UE's session rules, with the
/// session's TEID and QFI. Rules are evaluated by <see cref="Priority"/>, lowest first.
/// </summary>
public sealed record SteeringRule
{
    /// <summary>The rule's identity (for example the MEC traffic rule it comes from).</summary>
    public required string Id { get; init; }

    /// <summary>Lower values are evaluated first.</summary>
    public required int Priority { get; init; }

    /// <summary>
    /// The filter in uplink packet terms: <see cref="PacketFilter.Source"/> chooses the UEs (an address, a prefix or
    /// any), the destination, ports and protocol choose the traffic.
    /// </summary>
    public required PacketFilter Filter { get; init; }

    /// <summary>What to do with matching packets.</summary>
    public SteeringAction Action { get; init; } = SteeringAction.ForwardDecapsulated;

    /// <summary>The network instance of the local N6 port (for forward and duplicate actions).</summary>
    public string? NetworkInstance { get; init; }
}
