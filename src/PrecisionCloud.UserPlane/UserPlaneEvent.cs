using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Usage;

namespace PrecisionCloud.UserPlane;

/// <summary>An event from the fast path. A value type: raising one allocates nothing.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Seid">The session, when one is concerned.</param>
/// <param name="RuleId">The URR (usage) or PDR (downlink data) concerned.</param>
/// <param name="Triggers">The usage triggers raised.</param>
/// <param name="Peer">The peer that sent an Error Indication.</param>
/// <param name="Teid">The TEID the peer did not know.</param>
public readonly record struct UserPlaneEvent(UserPlaneEventKind Kind, ulong Seid, uint RuleId = 0, UsageReportTriggers Triggers = UsageReportTriggers.None, InetAddress Peer = default, uint Teid = 0);
