using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane;

/// <summary>Where a session's UE is attached: its address and the gNB (or eNB) its downlink is tunnelled to.</summary>
/// <param name="Seid">The session.</param>
/// <param name="UeAddress">The UE's IPv4 address, when the session has one.</param>
/// <param name="GnbAddress">The N3 address of the gNB the downlink goes to, when the session tunnels downlink.</param>
public sealed record SessionAttachment(ulong Seid, InetAddress? UeAddress, InetAddress? GnbAddress);
