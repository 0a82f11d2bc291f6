using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Rules;
using PrecisionCloud.UserPlane.Usage;

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>
/// Session Modification Response (3GPP TS 29.244 §7.5.5): accepted with the F-TEIDs chosen for new PDRs and the
/// usage reports asked for (Query URR, QAURR) or left by removed URRs; or rejected with the Offending IE or the
/// Failed Rule ID, the session keeping its rules.
/// </summary>
/// <param name="Cause">Request accepted, or why not.</param>
public sealed record SessionModificationResponse(PfcpCause Cause)
{
    /// <summary>The F-TEIDs chosen for created PDRs that asked.</summary>
    public IReadOnlyList<CreatedPdr> CreatedPdrs { get; init; } = [];

    /// <summary>Usage reports (Usage Report IE within the response).</summary>
    public IReadOnlyList<UsageReport> UsageReports { get; init; } = [];

    /// <summary>The IE at fault (with the IE-related causes).</summary>
    public PfcpIeType? OffendingIe { get; init; }

    /// <summary>The rule that could not be installed (with <see cref="PfcpCause.RuleCreationModificationFailure"/>).</summary>
    public (RuleKind Kind, uint Id)? FailedRule { get; init; }

    /// <summary>Writes the message.</summary>
    /// <param name="buffer">Where to.</param>
    /// <param name="seid">The SMF's SEID, for the header (0 when the session was not found).</param>
    /// <param name="sequenceNumber">The request's sequence number.</param>
    /// <returns>Its length, or -1 when the buffer is too small.</returns>
    public int Encode(Span<byte> buffer, ulong seid, uint sequenceNumber)
    {
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.SessionModificationResponse, sequenceNumber, seid);
        writer.WriteIe(PfcpIeType.Cause, (byte)Cause);
        if (OffendingIe is { } offending)
        {
            writer.WriteIe(PfcpIeType.OffendingIe, (ushort)offending);
        }

        RuleOutcomeIes.WriteCreatedPdrs(ref writer, CreatedPdrs);
        foreach (var report in UsageReports)
        {
            UsageReportIes.Write(ref writer, PfcpIeType.UsageReportInModificationResponse, report);
        }

        if (FailedRule is { } failed)
        {
            RuleOutcomeIes.WriteFailedRuleId(ref writer, failed.Kind, failed.Id);
        }

        return writer.EndMessage();
    }
}
