using System.Buffers.Binary;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Gtp;

/// <summary>
/// Reads the information elements of GTP-U signalling messages (3GPP TS 29.281 §7.2, §7.3, §8): Echo Response's
/// Recovery, Error Indication's TEID Data I and GTP-U Peer Address, and Supported Extension Headers Notification's
/// type list. IEs may come in any order; unknown TLV elements are skipped. Never throws on bad bytes.
/// </summary>
public static class GtpSignalling
{
    /// <summary>Reads the Recovery IE of an Echo Response.</summary>
    /// <param name="informationElements">The message payload (<see cref="GtpPacket.PayloadOffset"/> onward).</param>
    /// <param name="restartCounter">The restart counter.</param>
    /// <returns><see cref="DropReason.None"/>, or why the IEs cannot be accepted.</returns>
    public static DropReason TryReadRecovery(ReadOnlySpan<byte> informationElements, out byte restartCounter)
    {
        restartCounter = 0;
        var found = false;
        var enumerator = new Enumerator(informationElements);
        while (enumerator.MoveNext(out var type, out var value))
        {
            if (type == GtpInformationElementType.Recovery)
            {
                restartCounter = value[0];
                found = true;
            }
        }

        return enumerator.Error != DropReason.None ? enumerator.Error : found ? DropReason.None : DropReason.MissingInformationElement;
    }

    /// <summary>Reads the mandatory IEs of an Error Indication (§7.3.1).</summary>
    /// <param name="informationElements">The message payload.</param>
    /// <param name="teid">The TEID the sender did not know (TEID Data I).</param>
    /// <param name="peer">The address the offending packet was sent to (GTP-U Peer Address).</param>
    /// <returns><see cref="DropReason.None"/>, or why the IEs cannot be accepted.</returns>
    public static DropReason TryReadErrorIndication(ReadOnlySpan<byte> informationElements, out uint teid, out InetAddress peer)
    {
        teid = 0;
        peer = default;
        bool hasTeid = false, hasPeer = false;
        var enumerator = new Enumerator(informationElements);
        while (enumerator.MoveNext(out var type, out var value))
        {
            switch (type)
            {
                case GtpInformationElementType.TeidDataI:
                    teid = BinaryPrimitives.ReadUInt32BigEndian(value);
                    hasTeid = true;
                    break;
                case GtpInformationElementType.GtpUPeerAddress:
                    if (!InetAddress.TryRead(value, out peer))
                    {
                        return DropReason.MalformedInformationElement;
                    }

                    hasPeer = true;
                    break;
                default:
                    break;
            }
        }

        if (enumerator.Error != DropReason.None)
        {
            return enumerator.Error;
        }

        return hasTeid && hasPeer ? DropReason.None : DropReason.MissingInformationElement;
    }

    /// <summary>Reads the Extension Header Type List of a Supported Extension Headers Notification (§7.2.3).</summary>
    /// <param name="informationElements">The message payload.</param>
    /// <param name="types">Receives the listed types.</param>
    /// <param name="count">How many were written to <paramref name="types"/>.</param>
    /// <returns><see cref="DropReason.None"/>, or why the IEs cannot be accepted (a list longer than <paramref name="types"/> is malformed).</returns>
    public static DropReason TryReadSupportedExtensionHeaders(ReadOnlySpan<byte> informationElements, Span<byte> types, out int count)
    {
        count = 0;
        var found = false;
        var enumerator = new Enumerator(informationElements);
        while (enumerator.MoveNext(out var type, out var value))
        {
            if (type == GtpInformationElementType.ExtensionHeaderTypeList)
            {
                if (value.Length > types.Length)
                {
                    return DropReason.MalformedInformationElement;
                }

                value.CopyTo(types);
                count = value.Length;
                found = true;
            }
        }

        return enumerator.Error != DropReason.None ? enumerator.Error : found ? DropReason.None : DropReason.MissingInformationElement;
    }

    /// <summary>Walks TV and TLV information elements.</summary>
    private ref struct Enumerator
    {
        private ReadOnlySpan<byte> _remaining;

        public Enumerator(ReadOnlySpan<byte> elements)
        {
            _remaining = elements;
            Error = DropReason.None;
        }

        public DropReason Error { get; private set; }

        public bool MoveNext(out GtpInformationElementType type, out ReadOnlySpan<byte> value)
        {
            type = default;
            value = default;
            if (_remaining.IsEmpty || Error != DropReason.None)
            {
                return false;
            }

            type = (GtpInformationElementType)_remaining[0];
            int headerLength, valueLength;
            switch (type)
            {
                case GtpInformationElementType.Recovery:
                    (headerLength, valueLength) = (1, 1);
                    break;
                case GtpInformationElementType.TeidDataI:
                    (headerLength, valueLength) = (1, 4);
                    break;
                case GtpInformationElementType.ExtensionHeaderTypeList:
                    if (_remaining.Length < 2)
                    {
                        return Fail();
                    }

                    (headerLength, valueLength) = (2, _remaining[1]);
                    break;
                default:
                    // TLV (type >= 128) has a 2-octet length; a TV type we do not know has a length we cannot know.
                    if ((byte)type < 128 || _remaining.Length < 3)
                    {
                        return Fail();
                    }

                    (headerLength, valueLength) = (3, BinaryPrimitives.ReadUInt16BigEndian(_remaining[1..]));
                    break;
            }

            if (_remaining.Length < headerLength + valueLength)
            {
                return Fail();
            }

            value = _remaining.Slice(headerLength, valueLength);
            _remaining = _remaining[(headerLength + valueLength)..];
            return true;
        }

        private bool Fail()
        {
            Error = DropReason.MalformedInformationElement;
            return false;
        }
    }
}
