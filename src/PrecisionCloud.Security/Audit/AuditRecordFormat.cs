using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace PrecisionCloud.Security.Audit;

/// <summary>
/// One audit record is one line of JSON with its fields in a fixed order, the previous record's hash in
/// <c>prev</c> and its own in <c>hash</c>, last: the hash is SHA-256 over the line's bytes up to the <c>,"hash":</c>
/// that precedes it, so it covers every field, the previous hash included. Changing, removing, inserting or
/// reordering a record breaks the chain at that point; the verifier needs no knowledge of the fields to see it.
/// </summary>
internal static class AuditRecordFormat
{
    public const int HashLength = 32;
    public const string FilePrefix = "audit-";
    public const string FileSuffix = ".jsonl";

    /// <summary>Bytes between a record's body and its hash.</summary>
    public static ReadOnlySpan<byte> HashSeparator => ",\"hash\":\""u8;

    /// <summary>The name of the file whose first record has <paramref name="firstSequence"/> (names sort in log order).</summary>
    public static string FileName(long firstSequence) => $"{FilePrefix}{firstSequence:D16}{FileSuffix}";

    /// <summary>The log's files in order.</summary>
    public static string[] Files(string directory) =>
        System.IO.Directory.Exists(directory)
            ? [.. System.IO.Directory.EnumerateFiles(directory, FilePrefix + "*" + FileSuffix).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Writes a record line (ending in a newline) and returns its hash.</summary>
    public static void Write(ArrayBufferWriter<byte> output, Utf8JsonWriter json, long sequence, AuditEvent auditEvent, ReadOnlySpan<byte> previousHash, Span<byte> hash)
    {
        var start = output.WrittenCount;
        json.Reset(output);
        json.WriteStartObject();
        json.WriteNumber("seq", sequence);
        json.WriteString("time", auditEvent.Time.ToUniversalTime());
        json.WriteString("subject", auditEvent.Subject);
        if (auditEvent.Tenant is { } tenant)
        {
            json.WriteString("tenant", tenant);
        }

        json.WriteString("action", auditEvent.Action);
        json.WriteString("resource", auditEvent.Resource);
        json.WriteString("decision", auditEvent.Decision == AuditDecision.Allow ? "allow" : "deny");
        if (auditEvent.Reason is { } reason)
        {
            json.WriteString("reason", reason);
        }

        Span<char> hex = stackalloc char[HashLength * 2];
        Convert.TryToHexStringLower(previousHash, hex, out _);
        json.WriteString("prev", hex);
        json.Flush();

        SHA256.HashData(output.WrittenSpan[start..], hash);
        var tail = output.GetSpan(HashSeparator.Length + (HashLength * 2) + 3);
        HashSeparator.CopyTo(tail);
        Convert.TryToHexStringLower(hash, tail[HashSeparator.Length..], out _);
        var at = HashSeparator.Length + (HashLength * 2);
        tail[at] = (byte)'"';
        tail[at + 1] = (byte)'}';
        tail[at + 2] = (byte)'\n';
        output.Advance(at + 3);
    }

    /// <summary>Checks that a line (without its newline) is a whole record whose hash covers its body; the hash is computed into <paramref name="hash"/>.</summary>
    public static string? CheckHash(ReadOnlySpan<byte> line, Span<byte> hash)
    {
        var separator = line.LastIndexOf(HashSeparator);
        if (separator < 0 || line.Length != separator + HashSeparator.Length + (HashLength * 2) + 2 || !line.EndsWith("\"}"u8))
        {
            return "is not a complete audit record";
        }

        SHA256.HashData(line[..separator], hash);
        Span<byte> stated = stackalloc byte[HashLength];
        return Convert.FromHexString(System.Text.Encoding.ASCII.GetString(line.Slice(separator + HashSeparator.Length, HashLength * 2)), stated, out _, out var written) == OperationStatus.Done
            && written == HashLength && stated.SequenceEqual(hash)
            ? null
            : "was changed (its hash does not match its content)";
    }

    /// <summary>
    /// Checks one line (without its newline): its hash covers its body, and its sequence number and previous hash
    /// are those given. Returns the problem, or none.
    /// </summary>
    public static string? Check(ReadOnlySpan<byte> line, long expectedSequence, ReadOnlySpan<byte> expectedPrevious, Span<byte> hash)
    {
        if (CheckHash(line, hash) is { } changed)
        {
            return changed;
        }

        long? sequence = null;
        string? previous = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                reader.Read();
                if (name.SequenceEqual("seq"u8))
                {
                    sequence = reader.GetInt64();
                }
                else if (name.SequenceEqual("prev"u8))
                {
                    previous = reader.GetString();
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return $"is not valid JSON ({exception.Message})";
        }

        if (sequence != expectedSequence)
        {
            return sequence is null ? "has no sequence number" : $"has sequence number {sequence} where {expectedSequence} was due (records were removed, added or reordered)";
        }

        return previous is not null && previous.Length == HashLength * 2 && Convert.FromHexString(previous).AsSpan().SequenceEqual(expectedPrevious)
            ? null
            : "does not follow the record before it (records were removed, added or reordered)";
    }
}
