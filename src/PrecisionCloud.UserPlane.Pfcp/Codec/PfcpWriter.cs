using System.Buffers.Binary;

namespace PrecisionCloud.UserPlane.Pfcp.Codec;

/// <summary>
/// Writes PFCP messages into a buffer: the header, IEs, and grouped IEs whose lengths are filled in when they end.
/// Never throws and never writes past the buffer: when it runs out of room it stops, and <see cref="Overflowed"/>
/// says so (the message must not be sent).
/// </summary>
public ref struct PfcpWriter
{
    private readonly Span<byte> _buffer;
    private int _position;
    private int _messageStart;

    /// <summary>Starts writing at the beginning of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Where the message goes (a UDP datagram's payload).</param>
    public PfcpWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
        _messageStart = 0;
        Overflowed = false;
    }

    /// <summary>Whether something did not fit; nothing written since is valid.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>The octets written so far.</summary>
    public readonly int Position => _position;

    /// <summary>Writes a message header; the length is filled in by <see cref="EndMessage"/>.</summary>
    /// <param name="type">The message type.</param>
    /// <param name="sequenceNumber">The 24-bit sequence number.</param>
    /// <param name="seid">The SEID of a session message; <see langword="null"/> for node messages.</param>
    /// <param name="priority">The message priority (0-15), if any.</param>
    public void BeginMessage(PfcpMessageType type, uint sequenceNumber, ulong? seid = null, byte? priority = null)
    {
        _messageStart = _position;
        var header = Reserve(seid is null ? PfcpHeader.NodeHeaderLength : PfcpHeader.SessionHeaderLength);
        if (header.IsEmpty)
        {
            return;
        }

        header[0] = (byte)((PfcpHeader.Version << 5) | (priority is null ? 0 : 0x02) | (seid is null ? 0 : 0x01));
        header[1] = (byte)type;
        var at = 4;
        if (seid is { } value)
        {
            BinaryPrimitives.WriteUInt64BigEndian(header[4..], value);
            at = 12;
        }

        header[at] = (byte)(sequenceNumber >> 16);
        header[at + 1] = (byte)(sequenceNumber >> 8);
        header[at + 2] = (byte)sequenceNumber;
        header[at + 3] = (byte)((priority ?? 0) << 4);
    }

    /// <summary>Fills in the message length.</summary>
    /// <returns>The message's length, or -1 when it did not fit.</returns>
    public int EndMessage()
    {
        if (Overflowed)
        {
            return -1;
        }

        BinaryPrimitives.WriteUInt16BigEndian(_buffer[(_messageStart + 2)..], (ushort)(_position - _messageStart - 4));
        return _position - _messageStart;
    }

    /// <summary>Starts a grouped IE; the IEs written until <see cref="EndGroup"/> go inside it.</summary>
    /// <param name="type">The grouped IE's type.</param>
    /// <returns>A mark for <see cref="EndGroup"/>.</returns>
    public int BeginGroup(PfcpIeType type)
    {
        var mark = _position;
        var header = Reserve(4);
        if (!header.IsEmpty)
        {
            BinaryPrimitives.WriteUInt16BigEndian(header, (ushort)type);
        }

        return mark;
    }

    /// <summary>Ends the grouped IE started at <paramref name="mark"/>, filling in its length.</summary>
    /// <param name="mark">What <see cref="BeginGroup"/> returned.</param>
    public void EndGroup(int mark)
    {
        if (!Overflowed)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_buffer[(mark + 2)..], (ushort)(_position - mark - 4));
        }
    }

    /// <summary>Writes an IE with the given value octets.</summary>
    /// <param name="type">The IE type.</param>
    /// <param name="value">The value.</param>
    public void WriteIe(PfcpIeType type, scoped ReadOnlySpan<byte> value)
    {
        var target = ReserveIe(type, value.Length);
        if (target.Length == value.Length)
        {
            value.CopyTo(target); // when it did not fit, the target is empty and the writer has overflowed
        }
    }

    /// <summary>Writes a one-octet IE.</summary>
    /// <param name="type">The IE type.</param>
    /// <param name="value">The octet.</param>
    public void WriteIe(PfcpIeType type, byte value)
    {
        var span = ReserveIe(type, 1);
        if (!span.IsEmpty)
        {
            span[0] = value;
        }
    }

    /// <summary>Writes a two-octet IE (network order).</summary>
    /// <param name="type">The IE type.</param>
    /// <param name="value">The value.</param>
    public void WriteIe(PfcpIeType type, ushort value)
    {
        var span = ReserveIe(type, 2);
        if (!span.IsEmpty)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span, value);
        }
    }

    /// <summary>Writes a four-octet IE (network order).</summary>
    /// <param name="type">The IE type.</param>
    /// <param name="value">The value.</param>
    public void WriteIe(PfcpIeType type, uint value)
    {
        var span = ReserveIe(type, 4);
        if (!span.IsEmpty)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span, value);
        }
    }

    /// <summary>Writes an IE's header and returns the room for its value, for the caller to fill.</summary>
    /// <param name="type">The IE type.</param>
    /// <param name="length">The value's length.</param>
    /// <returns>The value's octets; empty when it did not fit (then <see cref="Overflowed"/> is set).</returns>
    public Span<byte> ReserveIe(PfcpIeType type, int length)
    {
        var ie = Reserve(4 + length);
        if (ie.IsEmpty)
        {
            return default;
        }

        BinaryPrimitives.WriteUInt16BigEndian(ie, (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(ie[2..], (ushort)length);
        return ie[4..];
    }

    private Span<byte> Reserve(int length)
    {
        if (Overflowed || length > ushort.MaxValue || _position + length > _buffer.Length)
        {
            Overflowed = true;
            return default;
        }

        var span = _buffer.Slice(_position, length);
        span.Clear();
        _position += length;
        return span;
    }
}
