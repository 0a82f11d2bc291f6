using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>Heartbeat Response (3GPP TS 29.244 §7.4.2.2): alive, and started at the given time.</summary>
/// <param name="RecoveryTimeStamp">When the responder last started (NTP seconds, see <see cref="NtpTime"/>).</param>
public sealed record HeartbeatResponse(uint RecoveryTimeStamp)
{
    /// <summary>Reads the message's IEs.</summary>
    /// <param name="ies">The IEs (from <see cref="PfcpMessageReader.ReadIes"/>).</param>
    /// <param name="message">The message.</param>
    /// <param name="problem">Why it is rejected, when it is.</param>
    /// <returns>Whether the message was read.</returns>
    public static bool TryDecode(PfcpIeReader ies, out HeartbeatResponse? message, out PfcpIeProblem problem)
    {
        var fields = NodeMessageFields.Read(ies);
        message = null;
        problem = fields.Problem ?? (fields.RecoveryTimeStamp is null ? PfcpIeProblem.Missing(PfcpIeType.RecoveryTimeStamp) : default);
        if (problem != default)
        {
            return false;
        }

        message = new HeartbeatResponse(fields.RecoveryTimeStamp!.Value);
        return true;
    }

    /// <summary>Writes the message.</summary>
    /// <param name="buffer">Where to.</param>
    /// <param name="sequenceNumber">Its sequence number.</param>
    /// <returns>Its length, or -1 when the buffer is too small.</returns>
    public int Encode(Span<byte> buffer, uint sequenceNumber)
    {
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.HeartbeatResponse, sequenceNumber);
        NodeMessageFields.WriteRecoveryTimeStamp(ref writer, RecoveryTimeStamp);
        return writer.EndMessage();
    }
}
