namespace PrecisionCloud.UserPlane.Rules;

/// <summary>Where and how a FAR forwards (3GPP TS 29.244 §7.5.2.3-2).</summary>
public sealed record ForwardingParameters
{
    /// <summary>The destination interface.</summary>
    public DestinationInterface DestinationInterface { get; init; }

    /// <summary>
    /// The network instance (the data network or local network) the packets go to; it selects the N6 port
    /// (for example <c>internet</c> for the main N6, <c>mec</c> for an edge app's local port).
    /// </summary>
    public string? NetworkInstance { get; init; }

    /// <summary>The outer header to create (toward the gNB or another UPF), or none to send the packet as it is.</summary>
    public OuterHeaderCreation? OuterHeaderCreation { get; init; }

    /// <summary>The DSCP/ToS value to mark the outer header with, or none.</summary>
    public byte? TransportLevelMarking { get; init; }
}
