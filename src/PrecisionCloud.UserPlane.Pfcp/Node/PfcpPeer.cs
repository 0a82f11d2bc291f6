using System.Net;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;

namespace PrecisionCloud.UserPlane.Pfcp.Node;

/// <summary>A CP node this user plane knows: where it speaks from, when it started, when it was last heard.</summary>
internal sealed class PfcpPeer(NodeId nodeId, IPEndPoint endpoint, uint recoveryTimeStamp, long heardAt)
{
    public NodeId NodeId { get; } = nodeId;

    /// <summary>Where its requests came from, and where ours go.</summary>
    public IPEndPoint Endpoint { get; set; } = endpoint;

    public uint RecoveryTimeStamp { get; set; } = recoveryTimeStamp;

    /// <summary>Whether the association stands (it has not been released and has not failed).</summary>
    public bool Associated { get; set; } = true;

    /// <summary>When it last answered or asked (timestamp ticks).</summary>
    public long HeardAt { get; set; } = heardAt;

    /// <summary>Whether one of our heartbeats to it awaits its answer.</summary>
    public bool HeartbeatPending { get; set; }
}
