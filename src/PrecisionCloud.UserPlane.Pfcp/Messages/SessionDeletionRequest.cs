using PrecisionCloud.UserPlane.Pfcp.Codec;

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>Session Deletion Request (3GPP TS 29.244 §7.5.6): no IEs; the header's SEID names the session.</summary>
public static class SessionDeletionRequest
{
    /// <summary>Writes the message, as an SMF sends it.</summary>
    /// <param name="buffer">Where to.</param>
    /// <param name="seid">The user plane's SEID of the session.</param>
    /// <param name="sequenceNumber">Its sequence number.</param>
    /// <returns>Its length, or -1 when the buffer is too small.</returns>
    public static int Encode(Span<byte> buffer, ulong seid, uint sequenceNumber)
    {
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.SessionDeletionRequest, sequenceNumber, seid);
        return writer.EndMessage();
    }
}
