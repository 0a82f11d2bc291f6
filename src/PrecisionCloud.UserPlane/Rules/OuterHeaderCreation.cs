using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Rules;

/// <summary>
/// The GTP-U/UDP/IP header a FAR puts on forwarded packets (3GPP TS 29.244 §8.2.56): the peer's TEID and address.
/// The IP version follows the peer address.
/// </summary>
/// <param name="Teid">The peer's TEID.</param>
/// <param name="PeerAddress">The peer's (gNB's or UPF's) address.</param>
/// <param name="PeerPort">The peer's UDP port; 2152 by default.</param>
public sealed record OuterHeaderCreation(uint Teid, InetAddress PeerAddress, ushort PeerPort = 2152);
