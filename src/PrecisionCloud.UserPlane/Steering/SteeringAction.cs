namespace PrecisionCloud.UserPlane.Steering;

/// <summary>What a steering rule does with the uplink packets it matches (the decapsulated actions of ETSI MEC 011 traffic rules).</summary>
public enum SteeringAction
{
    /// <summary>Send the decapsulated packet to the local N6 port instead of the session's own egress (local breakout).</summary>
    ForwardDecapsulated,

    /// <summary>Send a decapsulated copy to the local N6 port; the original goes on as the session's rules say.</summary>
    DuplicateDecapsulated,

    /// <summary>Discard the packet.</summary>
    Drop,

    /// <summary>Leave the packet to the session's rules (and stop looking at lower-priority steering rules).</summary>
    Passthrough,
}
