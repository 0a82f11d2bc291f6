using System.Buffers.Binary;

namespace PrecisionCloud.UserPlane.Gtp;

/// <summary>
/// Reads GTP-U messages (3GPP TS 29.281 §5) from a datagram. Pure: no I/O, no allocation, never throws on bad
/// bytes and never reads outside the span; a message it cannot accept comes back as a <see cref="DropReason"/>.
/// </summary>
/// <remarks>
/// <code>
///        Bits  8   7   6   5   4   3   2   1
///  Octet 1    | Version=1 | PT| * | E | S | PN|
///        2    |          Message Type         |
///      3-4    |   Length (after octet 8)      |
///      5-8    | Tunnel Endpoint Identifier    |
///     9-10    | Sequence Number   (if E|S|PN) |
///       11    | N-PDU Number      (if E|S|PN) |
///       12    | Next Ext. Header  (if E|S|PN) |
/// Extension header: | Length (4n octets) | Content (4n-2) | Next Extension Header Type |
/// </code>
/// Octets 9-12 are present when any of E, S or PN is set; each field is meaningful only with its own flag.
/// </remarks>
public static class GtpReader
{
    /// <summary>The length of the mandatory header.</summary>
    public const int MandatoryHeaderLength = 8;

    /// <summary>The length of the optional fields (sequence number, N-PDU number, next extension header type).</summary>
    public const int OptionalFieldsLength = 4;

    private const byte VersionMask = 0xE0;
    private const byte Version1 = 0x20;
    private const byte ProtocolTypeFlag = 0x10;
    private const byte ExtensionFlag = 0x04;
    private const byte SequenceFlag = 0x02;
    private const byte NPduNumberFlag = 0x01;

    /// <summary>Reads one GTP-U message.</summary>
    /// <param name="datagram">The UDP payload. Octets past the header's Length are ignored (padding).</param>
    /// <param name="packet">The parsed message; partially filled when the result is not <see cref="DropReason.None"/>.</param>
    /// <returns><see cref="DropReason.None"/>, or why the message cannot be accepted.</returns>
    public static DropReason TryRead(ReadOnlySpan<byte> datagram, out GtpPacket packet)
    {
        packet = default;
        packet.PdcpPduNumber = -1;
        if (datagram.Length < MandatoryHeaderLength)
        {
            return DropReason.TooShort;
        }

        var flags = datagram[0];
        if ((flags & VersionMask) != Version1)
        {
            return DropReason.UnsupportedVersion;
        }

        if ((flags & ProtocolTypeFlag) == 0)
        {
            return DropReason.NotGtpU;
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]);
        var end = MandatoryHeaderLength + length;
        if (end > datagram.Length)
        {
            return DropReason.LengthMismatch;
        }

        packet.MessageType = (GtpMessageType)datagram[1];
        packet.Length = length;
        packet.Teid = BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]);

        var offset = MandatoryHeaderLength;
        byte next = 0;
        if ((flags & (ExtensionFlag | SequenceFlag | NPduNumberFlag)) != 0)
        {
            if (length < OptionalFieldsLength)
            {
                return DropReason.LengthMismatch;
            }

            packet.HasSequenceNumber = (flags & SequenceFlag) != 0;
            packet.HasNPduNumber = (flags & NPduNumberFlag) != 0;
            packet.HasExtensionHeaders = (flags & ExtensionFlag) != 0;
            if (packet.HasSequenceNumber)
            {
                packet.SequenceNumber = BinaryPrimitives.ReadUInt16BigEndian(datagram[8..]);
            }

            if (packet.HasNPduNumber)
            {
                packet.NPduNumber = datagram[10];
            }

            // The next-type octet is meaningful only with E set (§5.1).
            next = packet.HasExtensionHeaders ? datagram[11] : (byte)0;
            offset += OptionalFieldsLength;
        }

        while (next != 0)
        {
            if (offset + 4 > end)
            {
                return DropReason.ExtensionHeaderTruncated;
            }

            var extensionLength = datagram[offset] * 4;
            if (extensionLength == 0)
            {
                return DropReason.ExtensionHeaderLengthInvalid;
            }

            if (offset + extensionLength > end)
            {
                return DropReason.ExtensionHeaderTruncated;
            }

            if (next == (byte)GtpExtensionHeaderType.PduSessionContainer && extensionLength == 4 && datagram[offset + 1] >> 4 == (int)PduSessionInformationType.Uplink)
            {
                // The common case on N3, an uplink PDU Session Container of one word, read without the general switch.
                packet.PduSessionContainer = new PduSessionContainer(PduSessionInformationType.Uplink, (byte)(datagram[offset + 2] & 0x3F));
                packet.HasPduSessionContainer = true;
            }
            else
            {
                var reason = ReadExtension(next, datagram.Slice(offset + 1, extensionLength - 2), ref packet);
                if (reason != DropReason.None)
                {
                    return reason;
                }
            }

            next = datagram[offset + extensionLength - 1];
            offset += extensionLength;
        }

        if (!IsKnown(packet.MessageType))
        {
            return DropReason.UnknownMessageType;
        }

        packet.PayloadOffset = offset;
        packet.PayloadLength = end - offset;
        return DropReason.None;
    }

    private static DropReason ReadExtension(byte type, ReadOnlySpan<byte> content, ref GtpPacket packet)
    {
        switch ((GtpExtensionHeaderType)type)
        {
            case GtpExtensionHeaderType.PduSessionContainer:
                // TS 38.415 §5.5.2: octet 1 PDU type (high nibble); octet 2 PPP|RQI|QFI on DL, N3/N9 delay|new IE|QFI on UL.
                var pduType = (PduSessionInformationType)(content[0] >> 4);
                var qfi = (byte)(content[1] & 0x3F);
                if (pduType == PduSessionInformationType.Downlink)
                {
                    var hasPpi = (content[1] & 0x80) != 0;
                    if (hasPpi && content.Length < 3)
                    {
                        return DropReason.ExtensionHeaderLengthInvalid;
                    }

                    packet.PduSessionContainer = new PduSessionContainer(pduType, qfi, (content[1] & 0x40) != 0, hasPpi ? (byte)(content[2] >> 5) : null);
                }
                else
                {
                    packet.PduSessionContainer = new PduSessionContainer(pduType, qfi);
                }

                packet.HasPduSessionContainer = true;
                return DropReason.None;

            case GtpExtensionHeaderType.UdpPort when content.Length == 2:
                packet.HasUdpPort = true;
                packet.UdpPort = BinaryPrimitives.ReadUInt16BigEndian(content);
                return DropReason.None;

            case GtpExtensionHeaderType.PdcpPduNumber when content.Length == 2:
                packet.PdcpPduNumber = BinaryPrimitives.ReadUInt16BigEndian(content);
                return DropReason.None;

            case GtpExtensionHeaderType.LongPdcpPduNumber or GtpExtensionHeaderType.LongPdcpPduNumberOptional when content.Length == 6:
                packet.PdcpPduNumber = ((content[0] & 0x03) << 16) | (content[1] << 8) | content[2];
                return DropReason.None;

            case GtpExtensionHeaderType.ServiceClassIndicator when content.Length == 2:
                packet.HasServiceClassIndicator = true;
                packet.ServiceClassIndicator = content[0];
                return DropReason.None;

            case GtpExtensionHeaderType.UdpPort or GtpExtensionHeaderType.PdcpPduNumber or GtpExtensionHeaderType.LongPdcpPduNumber
                or GtpExtensionHeaderType.LongPdcpPduNumberOptional or GtpExtensionHeaderType.ServiceClassIndicator:
                return DropReason.ExtensionHeaderLengthInvalid;

            default:
                if (GtpExtensionHeaderTypes.RequiresComprehension(type))
                {
                    packet.UnsupportedExtensionHeaderType = type;
                    return DropReason.ExtensionHeaderNotComprehended;
                }

                return DropReason.None; // 00 and 01: skip what we do not know
        }
    }

    private static bool IsKnown(GtpMessageType type) => type is GtpMessageType.GPdu or GtpMessageType.EchoRequest or GtpMessageType.EchoResponse
        or GtpMessageType.ErrorIndication or GtpMessageType.EndMarker or GtpMessageType.SupportedExtensionHeadersNotification;
}
