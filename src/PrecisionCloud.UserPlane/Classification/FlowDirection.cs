namespace PrecisionCloud.UserPlane.Classification;

/// <summary>The direction keyword of a flow description (3GPP TS 29.212 §5.4.2).</summary>
public enum FlowDirection
{
    /// <summary><c>out</c>: the description is written for downlink traffic, from the network (from) to the UE (to).</summary>
    Out,

    /// <summary><c>in</c>: the description is written for uplink traffic (legacy; TS 29.212 uses <c>out</c>).</summary>
    In,
}
