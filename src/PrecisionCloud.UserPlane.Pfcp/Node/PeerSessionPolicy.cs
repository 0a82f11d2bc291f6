namespace PrecisionCloud.UserPlane.Pfcp.Node;

/// <summary>What happens to a CP node's sessions when it restarted (a new Recovery Time Stamp) or stopped answering.</summary>
public enum PeerSessionPolicy
{
    /// <summary>Delete them: the peer has lost them (TS 23.527 restoration after a restart).</summary>
    Purge,

    /// <summary>Keep them: traffic keeps flowing, and a peer that comes back with the same start time takes them over again.</summary>
    Keep,
}
