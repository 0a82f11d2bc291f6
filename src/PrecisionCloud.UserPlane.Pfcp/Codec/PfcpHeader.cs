namespace PrecisionCloud.UserPlane.Pfcp.Codec;

/// <summary>
/// The PFCP message header (3GPP TS 29.244 §7.2.2): 8 octets for node messages, 16 for session messages (S = 1,
/// with the SEID).
/// <code>
///  Octet 1   | Version=1 (3) | spare (2) | FO | MP | S |
///        2   | Message Type                          |
///      3-4   | Message Length (after octet 4)        |
///     5-12   | SEID (only with S = 1)                |
///  then 3    | Sequence Number                       |
///  then 1    | Message Priority (4, with MP) | spare |
/// </code>
/// </summary>
public readonly record struct PfcpHeader
{
    /// <summary>The only PFCP version.</summary>
    public const int Version = 1;

    /// <summary>The header length of a node message.</summary>
    public const int NodeHeaderLength = 8;

    /// <summary>The header length of a session message.</summary>
    public const int SessionHeaderLength = 16;

    /// <summary>The largest sequence number (24 bits).</summary>
    public const uint MaxSequenceNumber = 0xFF_FFFF;

    /// <summary>The message type.</summary>
    public PfcpMessageType MessageType { get; init; }

    /// <summary>Whether the header carries a SEID (session messages).</summary>
    public bool HasSeid { get; init; }

    /// <summary>The SEID (with <see cref="HasSeid"/>): the receiver's session endpoint identifier, 0 before it is known.</summary>
    public ulong Seid { get; init; }

    /// <summary>The 24-bit sequence number that pairs a response with its request.</summary>
    public uint SequenceNumber { get; init; }

    /// <summary>The message priority (0 highest to 15), when the MP flag is set.</summary>
    public byte? MessagePriority { get; init; }

    /// <summary>Whether another message follows in the same datagram (FO flag).</summary>
    public bool FollowOn { get; init; }

    /// <summary>The message length field: the octets after the first four.</summary>
    public ushort Length { get; init; }

    /// <summary>The header's own length: 8 or 16.</summary>
    public int HeaderLength => HasSeid ? SessionHeaderLength : NodeHeaderLength;

    /// <summary>The whole message's length, header included.</summary>
    public int MessageLength => Length + 4;

    /// <summary>Whether the type is a session message (types 50 and up carry a SEID).</summary>
    /// <param name="type">The message type.</param>
    /// <returns><see langword="true"/> for session messages.</returns>
    public static bool IsSessionMessage(PfcpMessageType type) => (byte)type >= 50;
}
