using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PrecisionCloud.Mec.Platform.DomainNames;

/// <summary>DNS messages on the wire (IETF RFC 1035 clause 4): reading one question, writing the answer.</summary>
internal static class DnsWire
{
    public const int HeaderLength = 12;
    public const ushort TypeA = 1;
    public const ushort TypeAaaa = 28;
    public const ushort TypeAny = 255;
    public const ushort ClassIn = 1;
    public const ushort ClassAny = 255;
    public const byte NoError = 0;
    public const byte FormatError = 1;
    public const byte ServerFailure = 2;
    public const byte NameError = 3;
    public const byte NotImplemented = 4;
    public const byte Refused = 5;
    private const int MaxName = 255;

    /// <summary>Whether the message is a query at all (long enough for a header, QR clear): anything else is dropped.</summary>
    public static bool IsQuery(ReadOnlySpan<byte> message) => message.Length >= HeaderLength && (message[2] & 0x80) == 0;

    /// <summary>Reads the single question of a standard query; gives the response code when it cannot be answered as one.</summary>
    public static byte TryReadQuestion(ReadOnlySpan<byte> message, out DnsQuestion question)
    {
        question = default;
        var opcode = (message[2] >> 3) & 0x0F;
        if (opcode != 0)
        {
            return NotImplemented;
        }

        if (BinaryPrimitives.ReadUInt16BigEndian(message[4..]) != 1)
        {
            return FormatError;
        }

        var name = new StringBuilder(64);
        var position = HeaderLength;
        var nameLength = 0;
        while (true)
        {
            if (position >= message.Length)
            {
                return FormatError;
            }

            var label = message[position++];
            if (label == 0)
            {
                break;
            }

            // Compression pointers (0b11) and the reserved label types (0b01, 0b10) have no place in a question.
            if (label > 63 || position + label > message.Length)
            {
                return FormatError;
            }

            nameLength += label + 1;
            if (nameLength > MaxName)
            {
                return FormatError;
            }

            if (name.Length > 0)
            {
                name.Append('.');
            }

            foreach (var character in message.Slice(position, label))
            {
                name.Append(character is >= (byte)'A' and <= (byte)'Z' ? (char)(character + 32) : (char)character);
            }

            position += label;
        }

        if (position + 4 > message.Length)
        {
            return FormatError;
        }

        question = new DnsQuestion(name.ToString(), BinaryPrimitives.ReadUInt16BigEndian(message[position..]), BinaryPrimitives.ReadUInt16BigEndian(message[(position + 2)..]), position + 4);
        return NoError;
    }

    /// <summary>
    /// Writes the answer to a query: its id and question echoed, QR set, RD copied, the flags and code given, and
    /// as many address records as fit (TC set when some did not). Without a readable question the answer has none.
    /// </summary>
    public static int WriteAnswer(ReadOnlySpan<byte> query, DnsQuestion? question, byte code, bool authoritative, IReadOnlyList<(IPAddress Address, int Ttl)> records, Span<byte> answer)
    {
        if (answer.Length < HeaderLength)
        {
            return 0;
        }

        query[..2].CopyTo(answer);
        var recursionDesired = query[2] & 0x01;
        answer[2] = (byte)(0x80 | (query[2] & 0x78) | (authoritative ? 0x04 : 0) | recursionDesired);
        answer[3] = code;
        answer[4..HeaderLength].Clear();
        var length = HeaderLength;
        if (question is not { } q || q.End > answer.Length)
        {
            return length;
        }

        query[HeaderLength..q.End].CopyTo(answer[HeaderLength..]);
        BinaryPrimitives.WriteUInt16BigEndian(answer[4..], 1);
        length = q.End;
        ushort count = 0;
        foreach (var (address, ttl) in records)
        {
            var data = address.AddressFamily == AddressFamily.InterNetwork ? 4 : 16;
            if (length + 12 + data > answer.Length)
            {
                answer[2] |= 0x02;
                break;
            }

            var record = answer[length..];
            BinaryPrimitives.WriteUInt16BigEndian(record, 0xC000 | HeaderLength);
            BinaryPrimitives.WriteUInt16BigEndian(record[2..], data == 4 ? TypeA : TypeAaaa);
            BinaryPrimitives.WriteUInt16BigEndian(record[4..], ClassIn);
            BinaryPrimitives.WriteInt32BigEndian(record[6..], ttl);
            BinaryPrimitives.WriteUInt16BigEndian(record[10..], (ushort)data);
            address.TryWriteBytes(record[12..], out _);
            length += 12 + data;
            count++;
        }

        BinaryPrimitives.WriteUInt16BigEndian(answer[6..], count);
        return length;
    }
}
