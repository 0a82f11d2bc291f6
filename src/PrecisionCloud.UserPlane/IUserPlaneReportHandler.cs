using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Usage;

namespace PrecisionCloud.UserPlane;

/// <summary>
/// Receives what the hosted user plane has to tell its control plane: usage reports that became due (by traffic or
/// by time), the first downlink packet buffered for an idle UE, Error Indications from GTP-U peers, and GTP-U paths
/// that failed or recovered. A control
/// plane (the N4 agent) registers one in the service collection; without any, the host logs them.
/// </summary>
public interface IUserPlaneReportHandler
{
    /// <summary>Usage reports that became due.</summary>
    /// <param name="reports">The reports.</param>
    void OnUsageReports(IReadOnlyList<UsageReport> reports);

    /// <summary>The first downlink packet of a session was buffered (its FAR buffers and notifies the CP).</summary>
    /// <param name="seid">The session.</param>
    /// <param name="pdrId">The PDR that matched it.</param>
    void OnDownlinkData(ulong seid, uint pdrId);

    /// <summary>A GTP-U peer sent an Error Indication: it does not know a TEID this user plane sends to.</summary>
    /// <param name="peer">The peer.</param>
    /// <param name="teid">The TEID it does not know.</param>
    void OnErrorIndication(InetAddress peer, uint teid);

    /// <summary>A GTP-U peer stopped answering Echo Requests: the path to it has failed.</summary>
    /// <param name="peer">The peer.</param>
    void OnGtpPathFailure(InetAddress peer);

    /// <summary>A GTP-U peer whose path had failed answers again.</summary>
    /// <param name="peer">The peer.</param>
    void OnGtpPathRecovery(InetAddress peer);
}
