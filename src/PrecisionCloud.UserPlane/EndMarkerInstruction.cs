using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane;

/// <summary>An End Marker to send on the old path after a FAR switched to a new peer (TS 29.281 §7.3.2, TS 29.244 §5.2.2.2).</summary>
/// <param name="Teid">The old tunnel's TEID.</param>
/// <param name="Peer">The old peer.</param>
/// <param name="PeerPort">The old peer's UDP port.</param>
public readonly record struct EndMarkerInstruction(uint Teid, InetAddress Peer, ushort PeerPort);
