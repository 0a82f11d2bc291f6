using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Sessions;

/// <summary>
/// Update Forwarding Parameters or Update Duplicating Parameters (3GPP TS 29.244 §7.5.4.3-2, -3): each field
/// present replaces the FAR's; <see cref="SendEndMarkers"/> is the SNDEM flag of a path switch.
/// </summary>
public sealed record ForwardingParametersUpdate
{
    /// <summary>A new destination interface.</summary>
    public DestinationInterface? DestinationInterface { get; init; }

    /// <summary>A new network instance.</summary>
    public string? NetworkInstance { get; init; }

    /// <summary>A new outer header creation (a new peer or TEID: a path switch).</summary>
    public OuterHeaderCreation? OuterHeaderCreation { get; init; }

    /// <summary>A new transport level marking (DSCP).</summary>
    public byte? TransportLevelMarking { get; init; }

    /// <summary>SNDEM: the CP function asks for End Markers on the old path (PFCPSMReq-Flags in this IE).</summary>
    public bool SendEndMarkers { get; init; }

    /// <summary>The parameters with this update applied.</summary>
    /// <param name="parameters">The parameters as they stand, if the FAR had any.</param>
    /// <returns>The changed parameters.</returns>
    public ForwardingParameters ApplyTo(ForwardingParameters? parameters)
    {
        var current = parameters ?? Blank;
        return current with
        {
            DestinationInterface = DestinationInterface ?? current.DestinationInterface,
            NetworkInstance = NetworkInstance ?? current.NetworkInstance,
            OuterHeaderCreation = OuterHeaderCreation ?? current.OuterHeaderCreation,
            TransportLevelMarking = TransportLevelMarking ?? current.TransportLevelMarking,
        };
    }

    /// <summary>Parameters with nothing set, shared (records do not change), so a new FAR's take one allocation.</summary>
    private static readonly ForwardingParameters Blank = new();
}
