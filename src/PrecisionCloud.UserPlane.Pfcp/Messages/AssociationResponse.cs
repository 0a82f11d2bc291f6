using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>
/// Association Update Response or Association Release Response (3GPP TS 29.244 §7.4.4.4, §7.4.4.6): the answering
/// node and the Cause; an update answer from a UP function also carries its features.
/// </summary>
/// <param name="Type">Which response.</param>
/// <param name="NodeId">The answering node.</param>
/// <param name="Cause">Request accepted, or why not.</param>
public sealed record AssociationResponse(PfcpMessageType Type, NodeId NodeId, PfcpCause Cause)
{
    /// <summary>The UP function's features (in an update response).</summary>
    public UpFunctionFeatures? UpFunctionFeatures { get; init; }

    /// <summary>Writes the message.</summary>
    /// <param name="buffer">Where to.</param>
    /// <param name="sequenceNumber">The request's sequence number.</param>
    /// <returns>Its length, or -1 when the buffer is too small.</returns>
    public int Encode(Span<byte> buffer, uint sequenceNumber)
    {
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(Type, sequenceNumber);
        NodeId.Write(ref writer);
        writer.WriteIe(PfcpIeType.Cause, (byte)Cause);
        NodeMessageFields.WriteFunctionFeatures(ref writer, UpFunctionFeatures, null);
        return writer.EndMessage();
    }
}
