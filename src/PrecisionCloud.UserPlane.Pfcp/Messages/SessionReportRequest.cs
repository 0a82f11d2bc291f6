using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Usage;

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>
/// Session Report Request (3GPP TS 29.244 §7.5.8), sent by the user plane: usage reports (thresholds, quotas,
/// periods), the first downlink packet buffered for an idle UE (Downlink Data Report), or a peer's Error Indication
/// for a tunnel of the session (Error Indication Report).
/// </summary>
public sealed record SessionReportRequest
{
    /// <summary>Usage reports (Report Type USAR).</summary>
    public IReadOnlyList<UsageReport> UsageReports { get; init; } = [];

    /// <summary>The PDR that matched the first buffered downlink packet (Report Type DLDR).</summary>
    public ushort? DownlinkDataPdrId { get; init; }

    /// <summary>The remote F-TEID a peer reported unknown (Report Type ERIR).</summary>
    public FTeid? ErrorIndicationRemoteFTeid { get; init; }

    /// <summary>The Report Type the contents add up to.</summary>
    public ReportTypes ReportType =>
        (UsageReports.Count > 0 ? ReportTypes.Usage : ReportTypes.None)
        | (DownlinkDataPdrId is null ? ReportTypes.None : ReportTypes.DownlinkData)
        | (ErrorIndicationRemoteFTeid is null ? ReportTypes.None : ReportTypes.ErrorIndication);

    /// <summary>Writes the message.</summary>
    /// <param name="buffer">Where to.</param>
    /// <param name="seid">The SMF's SEID of the session, for the header.</param>
    /// <param name="sequenceNumber">Its sequence number.</param>
    /// <returns>Its length, or -1 when the buffer is too small.</returns>
    public int Encode(Span<byte> buffer, ulong seid, uint sequenceNumber)
    {
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.SessionReportRequest, sequenceNumber, seid);
        writer.WriteIe(PfcpIeType.ReportType, (byte)ReportType);
        if (DownlinkDataPdrId is { } pdr)
        {
            var group = writer.BeginGroup(PfcpIeType.DownlinkDataReport);
            writer.WriteIe(PfcpIeType.PdrId, pdr);
            writer.EndGroup(group);
        }

        foreach (var report in UsageReports)
        {
            UsageReportIes.Write(ref writer, PfcpIeType.UsageReportInReportRequest, report);
        }

        if (ErrorIndicationRemoteFTeid is { } remote)
        {
            var group = writer.BeginGroup(PfcpIeType.ErrorIndicationReport);
            remote.Write(ref writer);
            writer.EndGroup(group);
        }

        return writer.EndMessage();
    }
}
