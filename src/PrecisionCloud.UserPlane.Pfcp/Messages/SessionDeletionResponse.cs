using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Usage;

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>Session Deletion Response (3GPP TS 29.244 §7.5.7): the session is gone, with the final usage report of each URR.</summary>
/// <param name="Cause">Request accepted, or Session context not found.</param>
public sealed record SessionDeletionResponse(PfcpCause Cause)
{
    /// <summary>The final usage reports (trigger TERMR).</summary>
    public IReadOnlyList<UsageReport> UsageReports { get; init; } = [];

    /// <summary>Writes the message.</summary>
    /// <param name="buffer">Where to.</param>
    /// <param name="seid">The SMF's SEID, for the header (0 when the session was not found).</param>
    /// <param name="sequenceNumber">The request's sequence number.</param>
    /// <returns>Its length, or -1 when the buffer is too small.</returns>
    public int Encode(Span<byte> buffer, ulong seid, uint sequenceNumber)
    {
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.SessionDeletionResponse, sequenceNumber, seid);
        writer.WriteIe(PfcpIeType.Cause, (byte)Cause);
        foreach (var report in UsageReports)
        {
            UsageReportIes.Write(ref writer, PfcpIeType.UsageReportInDeletionResponse, report);
        }

        return writer.EndMessage();
    }
}
