using System.Buffers.Binary;

namespace PrecisionCloud.UserPlane.Pfcp.Codec;

/// <summary>Reads the PFCP header of a datagram and finds its IEs. Pure: never throws, never reads outside the span.</summary>
public static class PfcpMessageReader
{
    private const byte SeidFlag = 0x01;
    private const byte PriorityFlag = 0x02;
    private const byte FollowOnFlag = 0x04;

    /// <summary>Reads the header of the message at the start of <paramref name="datagram"/>.</summary>
    /// <param name="datagram">The datagram (it may hold further messages after this one, with FO set).</param>
    /// <param name="header">The header; partly filled when the result is not <see cref="PfcpDecodeStatus.Ok"/>.</param>
    /// <returns><see cref="PfcpDecodeStatus.Ok"/>, or why the header cannot be accepted.</returns>
    public static PfcpDecodeStatus TryReadHeader(ReadOnlySpan<byte> datagram, out PfcpHeader header)
    {
        header = default;
        if (datagram.Length < 4)
        {
            return PfcpDecodeStatus.TooShort;
        }

        var flags = datagram[0];
        var length = BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]);
        var hasSeid = (flags & SeidFlag) != 0;
        var sequenceAt = hasSeid ? 12 : 4;
        header = new PfcpHeader { MessageType = (PfcpMessageType)datagram[1], HasSeid = hasSeid, Length = length, FollowOn = (flags & FollowOnFlag) != 0 };
        if (flags >> 5 != PfcpHeader.Version)
        {
            // Read the sequence number where version 1 has it, so the Version Not Supported Response can echo it.
            if (datagram.Length >= sequenceAt + 3)
            {
                header = header with { SequenceNumber = ReadUInt24(datagram[sequenceAt..]) };
            }

            return PfcpDecodeStatus.UnsupportedVersion;
        }

        var headerLength = hasSeid ? PfcpHeader.SessionHeaderLength : PfcpHeader.NodeHeaderLength;
        if (datagram.Length < headerLength)
        {
            return PfcpDecodeStatus.TooShort;
        }

        if (length + 4 < headerLength || length + 4 > datagram.Length)
        {
            return PfcpDecodeStatus.LengthMismatch;
        }

        header = header with
        {
            Seid = hasSeid ? BinaryPrimitives.ReadUInt64BigEndian(datagram[4..]) : 0,
            SequenceNumber = ReadUInt24(datagram[sequenceAt..]),
            MessagePriority = (flags & PriorityFlag) != 0 ? (byte)(datagram[sequenceAt + 3] >> 4) : null,
        };
        return PfcpDecodeStatus.Ok;
    }

    /// <summary>The 24-bit sequence number at the start of <paramref name="at"/>.</summary>
    private static uint ReadUInt24(ReadOnlySpan<byte> at) => (uint)((at[0] << 16) | (at[1] << 8) | at[2]);

    /// <summary>The IEs of a message whose header was read.</summary>
    /// <param name="datagram">The datagram.</param>
    /// <param name="header">Its header.</param>
    /// <returns>A reader over the message's IEs.</returns>
    public static PfcpIeReader ReadIes(ReadOnlySpan<byte> datagram, in PfcpHeader header) =>
        new(datagram[header.HeaderLength..header.MessageLength]);
}
