using System.Buffers.Binary;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Gtp;

/// <summary>
/// Writes GTP-U messages (3GPP TS 29.281) into caller-owned buffers. Allocation-free; a destination that is too
/// small makes a method return <see langword="false"/>, never throw.
/// </summary>
public static class GtpWriter
{
    private const byte Version1WithPt = 0x30;
    private const byte ExtensionFlag = 0x04;
    private const byte SequenceFlag = 0x02;

    /// <summary>The length of a G-PDU (or End Marker) header with these options.</summary>
    /// <param name="container">The PDU Session Container to include, if any.</param>
    /// <param name="withSequenceNumber">Whether a sequence number is included.</param>
    /// <returns>Octets before the T-PDU.</returns>
    public static int GetHeaderLength(PduSessionContainer? container, bool withSequenceNumber = false) =>
        GtpReader.MandatoryHeaderLength
        + (container is not null || withSequenceNumber ? GtpReader.OptionalFieldsLength : 0)
        + (container?.EncodedLength ?? 0);

    /// <summary>
    /// Writes a G-PDU header for a T-PDU of <paramref name="payloadLength"/> octets. The payload itself is the
    /// caller's: encapsulating in place means writing this header into the headroom just before it.
    /// </summary>
    /// <param name="destination">Receives the header (<see cref="GetHeaderLength"/> octets).</param>
    /// <param name="teid">The receiver's TEID.</param>
    /// <param name="payloadLength">The T-PDU's length.</param>
    /// <param name="container">A PDU Session Container (QFI), or none.</param>
    /// <param name="sequenceNumber">A sequence number, or none.</param>
    /// <param name="written">Octets written.</param>
    /// <returns><see langword="false"/> when the destination is too small or a field is out of range.</returns>
    public static bool TryWriteGPduHeader(Span<byte> destination, uint teid, int payloadLength, PduSessionContainer? container, ushort? sequenceNumber, out int written) =>
        TryWriteHeader(destination, GtpMessageType.GPdu, teid, payloadLength, container, sequenceNumber, out written);

    /// <summary>Writes a whole G-PDU: header and a copy of the T-PDU.</summary>
    /// <param name="destination">Receives the message.</param>
    /// <param name="teid">The receiver's TEID.</param>
    /// <param name="payload">The T-PDU.</param>
    /// <param name="container">A PDU Session Container (QFI), or none.</param>
    /// <param name="written">Octets written.</param>
    /// <returns><see langword="false"/> when the destination is too small or a field is out of range.</returns>
    public static bool TryWriteGPdu(Span<byte> destination, uint teid, ReadOnlySpan<byte> payload, PduSessionContainer? container, out int written)
    {
        if (!TryWriteHeader(destination, GtpMessageType.GPdu, teid, payload.Length, container, null, out var header)
            || !payload.TryCopyTo(destination[header..]))
        {
            written = 0;
            return false;
        }

        written = header + payload.Length;
        return true;
    }

    /// <summary>Writes an End Marker (§7.3.2) for a tunnel: no payload, optionally with the PDU Session Container.</summary>
    /// <param name="destination">Receives the message.</param>
    /// <param name="teid">The TEID of the tunnel that ends.</param>
    /// <param name="container">A PDU Session Container, or none.</param>
    /// <param name="written">Octets written.</param>
    /// <returns><see langword="false"/> when the destination is too small.</returns>
    public static bool TryWriteEndMarker(Span<byte> destination, uint teid, PduSessionContainer? container, out int written) =>
        TryWriteHeader(destination, GtpMessageType.EndMarker, teid, 0, container, null, out written);

    /// <summary>Writes an Echo Request (§7.2.1): TEID 0, with a sequence number.</summary>
    /// <param name="destination">Receives the message (12 octets).</param>
    /// <param name="sequenceNumber">The sequence number the response will echo.</param>
    /// <param name="written">Octets written.</param>
    /// <returns><see langword="false"/> when the destination is too small.</returns>
    public static bool TryWriteEchoRequest(Span<byte> destination, ushort sequenceNumber, out int written) =>
        TryWriteHeader(destination, GtpMessageType.EchoRequest, 0, 0, null, sequenceNumber, out written);

    /// <summary>Writes an Echo Response (§7.2.2) with the Recovery IE.</summary>
    /// <param name="destination">Receives the message (14 octets).</param>
    /// <param name="sequenceNumber">The request's sequence number.</param>
    /// <param name="restartCounter">The Recovery IE's restart counter; 0 in GTP-U.</param>
    /// <param name="written">Octets written.</param>
    /// <returns><see langword="false"/> when the destination is too small.</returns>
    public static bool TryWriteEchoResponse(Span<byte> destination, ushort sequenceNumber, byte restartCounter, out int written)
    {
        if (!TryWriteHeader(destination, GtpMessageType.EchoResponse, 0, 2, null, sequenceNumber, out var header))
        {
            written = 0;
            return false;
        }

        destination[header] = (byte)GtpInformationElementType.Recovery;
        destination[header + 1] = restartCounter;
        written = header + 2;
        return true;
    }

    /// <summary>
    /// Writes an Error Indication (§7.3.1) for a G-PDU that arrived for an unknown TEID: TEID 0, TEID Data I and
    /// GTP-U Peer Address IEs, and the UDP Port extension header with the offending packet's source port.
    /// </summary>
    /// <param name="destination">Receives the message.</param>
    /// <param name="sequenceNumber">A sequence number.</param>
    /// <param name="unknownTeid">The TEID that was not known.</param>
    /// <param name="localAddress">This node's address the G-PDU was sent to.</param>
    /// <param name="sourcePort">The offending packet's UDP source port, or none.</param>
    /// <param name="written">Octets written.</param>
    /// <returns><see langword="false"/> when the destination is too small.</returns>
    public static bool TryWriteErrorIndication(Span<byte> destination, ushort sequenceNumber, uint unknownTeid, InetAddress localAddress, ushort? sourcePort, out int written)
    {
        written = 0;
        var headerLength = GtpReader.MandatoryHeaderLength + GtpReader.OptionalFieldsLength + (sourcePort is null ? 0 : 4);
        var elementsLength = 5 + 3 + localAddress.Length;
        if (destination.Length < headerLength + elementsLength)
        {
            return false;
        }

        destination[0] = (byte)(Version1WithPt | SequenceFlag | (sourcePort is null ? 0 : ExtensionFlag));
        destination[1] = (byte)GtpMessageType.ErrorIndication;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)(headerLength - GtpReader.MandatoryHeaderLength + elementsLength));
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], sequenceNumber);
        destination[10] = 0;
        destination[11] = 0;
        if (sourcePort is { } port)
        {
            destination[11] = (byte)GtpExtensionHeaderType.UdpPort;
            destination[12] = 1;
            BinaryPrimitives.WriteUInt16BigEndian(destination[13..], port);
            destination[15] = (byte)GtpExtensionHeaderType.NoMoreExtensionHeaders;
        }

        var elements = destination[headerLength..];
        elements[0] = (byte)GtpInformationElementType.TeidDataI;
        BinaryPrimitives.WriteUInt32BigEndian(elements[1..], unknownTeid);
        elements[5] = (byte)GtpInformationElementType.GtpUPeerAddress;
        BinaryPrimitives.WriteUInt16BigEndian(elements[6..], (ushort)localAddress.Length);
        localAddress.TryWrite(elements[8..]);
        written = headerLength + elementsLength;
        return true;
    }

    /// <summary>Writes a Supported Extension Headers Notification (§7.2.3) listing the types this node comprehends.</summary>
    /// <param name="destination">Receives the message.</param>
    /// <param name="sequenceNumber">A sequence number.</param>
    /// <param name="supportedTypes">The extension header types supported (at most 255).</param>
    /// <param name="written">Octets written.</param>
    /// <returns><see langword="false"/> when the destination is too small or the list too long.</returns>
    public static bool TryWriteSupportedExtensionHeadersNotification(Span<byte> destination, ushort sequenceNumber, ReadOnlySpan<byte> supportedTypes, out int written)
    {
        written = 0;
        if (supportedTypes.Length > byte.MaxValue
            || !TryWriteHeader(destination, GtpMessageType.SupportedExtensionHeadersNotification, 0, 2 + supportedTypes.Length, null, sequenceNumber, out var header)
            || destination.Length < header + 2 + supportedTypes.Length)
        {
            return false;
        }

        destination[header] = (byte)GtpInformationElementType.ExtensionHeaderTypeList;
        destination[header + 1] = (byte)supportedTypes.Length;
        supportedTypes.CopyTo(destination[(header + 2)..]);
        written = header + 2 + supportedTypes.Length;
        return true;
    }

    private static bool TryWriteHeader(Span<byte> destination, GtpMessageType type, uint teid, int payloadLength, PduSessionContainer? container, ushort? sequenceNumber, out int written)
    {
        written = 0;
        var headerLength = GetHeaderLength(container, sequenceNumber is not null);
        var length = headerLength - GtpReader.MandatoryHeaderLength + payloadLength;
        if (destination.Length < headerLength || payloadLength < 0 || length > ushort.MaxValue
            || container is { Qfi: > PduSessionContainer.MaxQfi } or { Ppi: > PduSessionContainer.MaxPpi })
        {
            return false;
        }

        var flags = Version1WithPt;
        if (container is not null)
        {
            flags |= ExtensionFlag;
        }

        if (sequenceNumber is not null)
        {
            flags |= SequenceFlag;
        }

        destination[0] = flags;
        destination[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], teid);
        if (headerLength == GtpReader.MandatoryHeaderLength)
        {
            written = headerLength;
            return true;
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], sequenceNumber ?? 0);
        destination[10] = 0;
        destination[11] = container is null ? (byte)0 : (byte)GtpExtensionHeaderType.PduSessionContainer;
        if (container is { } psc)
        {
            var extension = destination[12..headerLength];
            extension.Clear();
            extension[0] = (byte)(psc.EncodedLength / 4);
            extension[1] = (byte)((byte)psc.Type << 4);
            extension[2] = psc.Qfi;
            if (psc.Type == PduSessionInformationType.Downlink)
            {
                if (psc.Rqi)
                {
                    extension[2] |= 0x40;
                }

                if (psc.Ppi is { } ppi)
                {
                    extension[2] |= 0x80;
                    extension[3] = (byte)(ppi << 5);
                }
            }

            extension[^1] = (byte)GtpExtensionHeaderType.NoMoreExtensionHeaders;
        }

        written = headerLength;
        return true;
    }
}
