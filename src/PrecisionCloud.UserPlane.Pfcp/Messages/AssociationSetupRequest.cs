using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>
/// Association Setup Request (3GPP TS 29.244 §7.4.4.1): either side starts the association, naming itself, its
/// start time and, from a UP function, its features (from a CP function, its own).
/// </summary>
/// <param name="NodeId">The sender.</param>
/// <param name="RecoveryTimeStamp">When the sender last started (NTP seconds).</param>
public sealed record AssociationSetupRequest(NodeId NodeId, uint RecoveryTimeStamp)
{
    /// <summary>The UP function's features, when a UP function sends it.</summary>
    public UpFunctionFeatures? UpFunctionFeatures { get; init; }

    /// <summary>The CP function's features, when a CP function sends it.</summary>
    public CpFunctionFeatures? CpFunctionFeatures { get; init; }

    /// <summary>Reads the message's IEs.</summary>
    /// <param name="ies">The IEs.</param>
    /// <param name="message">The message.</param>
    /// <param name="problem">Why it is rejected, when it is.</param>
    /// <returns>Whether the message was read.</returns>
    public static bool TryDecode(PfcpIeReader ies, out AssociationSetupRequest? message, out PfcpIeProblem problem)
    {
        var fields = NodeMessageFields.Read(ies);
        message = null;
        problem = fields.Problem
            ?? (fields.NodeId is null ? PfcpIeProblem.Missing(PfcpIeType.NodeId)
            : fields.RecoveryTimeStamp is null ? PfcpIeProblem.Missing(PfcpIeType.RecoveryTimeStamp) : default);
        if (problem != default)
        {
            return false;
        }

        message = new AssociationSetupRequest(fields.NodeId!.Value, fields.RecoveryTimeStamp!.Value)
        {
            UpFunctionFeatures = fields.UpFunctionFeatures,
            CpFunctionFeatures = fields.CpFunctionFeatures,
        };
        return true;
    }

    /// <summary>Writes the message.</summary>
    /// <param name="buffer">Where to.</param>
    /// <param name="sequenceNumber">Its sequence number.</param>
    /// <returns>Its length, or -1 when the buffer is too small.</returns>
    public int Encode(Span<byte> buffer, uint sequenceNumber)
    {
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.AssociationSetupRequest, sequenceNumber);
        NodeId.Write(ref writer);
        NodeMessageFields.WriteRecoveryTimeStamp(ref writer, RecoveryTimeStamp);
        NodeMessageFields.WriteFunctionFeatures(ref writer, UpFunctionFeatures, CpFunctionFeatures);

        return writer.EndMessage();
    }
}
