using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>Association Setup Response (3GPP TS 29.244 §7.4.4.2): accepted or not, with the responder's identity, start time and features.</summary>
/// <param name="NodeId">The responder.</param>
/// <param name="Cause">Request accepted, or why not.</param>
/// <param name="RecoveryTimeStamp">When the responder last started (NTP seconds).</param>
public sealed record AssociationSetupResponse(NodeId NodeId, PfcpCause Cause, uint RecoveryTimeStamp)
{
    /// <summary>The UP function's features, when a UP function responds.</summary>
    public UpFunctionFeatures? UpFunctionFeatures { get; init; }

    /// <summary>The CP function's features, when a CP function responds.</summary>
    public CpFunctionFeatures? CpFunctionFeatures { get; init; }

    /// <summary>Reads the message's IEs.</summary>
    /// <param name="ies">The IEs.</param>
    /// <param name="message">The message.</param>
    /// <param name="problem">Why it cannot be used, when it cannot.</param>
    /// <returns>Whether the message was read.</returns>
    public static bool TryDecode(PfcpIeReader ies, out AssociationSetupResponse? message, out PfcpIeProblem problem)
    {
        var fields = NodeMessageFields.Read(ies);
        message = null;
        problem = fields.Problem
            ?? (fields.NodeId is null ? PfcpIeProblem.Missing(PfcpIeType.NodeId)
            : fields.Cause is null ? PfcpIeProblem.Missing(PfcpIeType.Cause)
            : fields.RecoveryTimeStamp is null ? PfcpIeProblem.Missing(PfcpIeType.RecoveryTimeStamp) : default);
        if (problem != default)
        {
            return false;
        }

        message = new AssociationSetupResponse(fields.NodeId!.Value, fields.Cause!.Value, fields.RecoveryTimeStamp!.Value)
        {
            UpFunctionFeatures = fields.UpFunctionFeatures,
            CpFunctionFeatures = fields.CpFunctionFeatures,
        };
        return true;
    }

    /// <summary>Writes the message.</summary>
    /// <param name="buffer">Where to.</param>
    /// <param name="sequenceNumber">The request's sequence number.</param>
    /// <returns>Its length, or -1 when the buffer is too small.</returns>
    public int Encode(Span<byte> buffer, uint sequenceNumber)
    {
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.AssociationSetupResponse, sequenceNumber);
        NodeId.Write(ref writer);
        writer.WriteIe(PfcpIeType.Cause, (byte)Cause);
        NodeMessageFields.WriteRecoveryTimeStamp(ref writer, RecoveryTimeStamp);
        NodeMessageFields.WriteFunctionFeatures(ref writer, UpFunctionFeatures, CpFunctionFeatures);

        return writer.EndMessage();
    }
}
