using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>
/// Session Establishment Response (3GPP TS 29.244 §7.5.3): accepted with the user plane's F-SEID and the F-TEIDs it
/// chose, or rejected with the Offending IE or the Failed Rule ID.
/// </summary>
/// <param name="NodeId">The user plane.</param>
/// <param name="Cause">Request accepted, or why not.</param>
public sealed record SessionEstablishmentResponse(NodeId NodeId, PfcpCause Cause)
{
    /// <summary>The user plane's F-SEID (when accepted).</summary>
    public FSeid? UpFSeid { get; init; }

    /// <summary>The F-TEIDs chosen for PDRs that asked.</summary>
    public IReadOnlyList<CreatedPdr> CreatedPdrs { get; init; } = [];

    /// <summary>The IE at fault (with the IE-related causes).</summary>
    public PfcpIeType? OffendingIe { get; init; }

    /// <summary>The rule that could not be installed (with <see cref="PfcpCause.RuleCreationModificationFailure"/>).</summary>
    public (RuleKind Kind, uint Id)? FailedRule { get; init; }

    /// <summary>Writes the message.</summary>
    /// <param name="buffer">Where to.</param>
    /// <param name="seid">The SMF's SEID (from its F-SEID), for the header.</param>
    /// <param name="sequenceNumber">The request's sequence number.</param>
    /// <returns>Its length, or -1 when the buffer is too small.</returns>
    public int Encode(Span<byte> buffer, ulong seid, uint sequenceNumber)
    {
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.SessionEstablishmentResponse, sequenceNumber, seid);
        NodeId.Write(ref writer);
        writer.WriteIe(PfcpIeType.Cause, (byte)Cause);
        if (OffendingIe is { } offending)
        {
            writer.WriteIe(PfcpIeType.OffendingIe, (ushort)offending);
        }

        UpFSeid?.Write(ref writer);
        RuleOutcomeIes.WriteCreatedPdrs(ref writer, CreatedPdrs);
        if (FailedRule is { } failed)
        {
            RuleOutcomeIes.WriteFailedRuleId(ref writer, failed.Kind, failed.Id);
        }

        return writer.EndMessage();
    }
}
