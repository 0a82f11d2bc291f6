namespace PrecisionCloud.Security.Audit;

/// <summary>
/// Verifies an audit log written by <see cref="AuditLog"/>: every record's hash covers its content, sequence numbers
/// run without gaps across the files, and each record names the hash of the one before it. An edit, a deletion, an
/// insertion or a reordering anywhere is reported with the file, line and sequence number where the chain breaks.
/// A chain cannot show that records were cut off its end: compare the head with a checkpoint kept elsewhere.
/// </summary>
public static class AuditLogVerifier
{
    /// <summary>Verifies the log in <paramref name="directory"/>.</summary>
    /// <param name="directory">The log's directory.</param>
    /// <param name="start">
    /// Where the log is expected to start when older files were archived: the checkpoint of the record before its
    /// first one. Without it, the log must start at sequence 1.
    /// </param>
    /// <param name="expectedHead">A checkpoint kept from earlier: the log must still contain that record unchanged.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <returns>What was found.</returns>
    public static async Task<AuditVerification> VerifyAsync(string directory, AuditCheckpoint? start = null, AuditCheckpoint? expectedHead = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var previous = new byte[AuditRecordFormat.HashLength];
        var sequence = 0L;
        if (start is not null)
        {
            previous = Convert.FromHexString(start.Hash);
            sequence = start.Sequence;
        }

        var hash = new byte[AuditRecordFormat.HashLength];
        var records = 0L;
        var sawExpected = false;
        foreach (var path in AuditRecordFormat.Files(directory))
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var line = 0;
            for (var at = 0; at < bytes.Length;)
            {
                line++;
                var newline = Array.IndexOf(bytes, (byte)'\n', at);
                var end = newline < 0 ? bytes.Length : newline;
                var problem = newline < 0 ? "is cut off (no end of line)" : AuditRecordFormat.Check(bytes.AsSpan(at, end - at), sequence + 1, previous, hash);
                if (problem is not null)
                {
                    return Broken(records, sequence, previous, $"{Path.GetFileName(path)} line {line} (record {sequence + 1}) {problem}");
                }

                sequence++;
                records++;
                (previous, hash) = (hash, previous);
                sawExpected |= expectedHead is not null && expectedHead.Sequence == sequence
                    && Convert.ToHexStringLower(previous).Equals(expectedHead.Hash, StringComparison.Ordinal);
                at = end + 1;
            }
        }

        if (expectedHead is not null && !sawExpected)
        {
            return Broken(records, sequence, previous, expectedHead.Sequence > sequence
                ? $"the log ends at record {sequence}, before the expected record {expectedHead.Sequence}: records were cut off its end"
                : $"record {expectedHead.Sequence} is not the one expected ({expectedHead.Hash})");
        }

        return new AuditVerification(true, records, Head(records, sequence, previous), null);
    }

    private static AuditVerification Broken(long records, long sequence, byte[] previous, string problem) =>
        new(false, records, Head(records, sequence, previous), problem);

    private static AuditCheckpoint? Head(long records, long sequence, byte[] previous) =>
        records == 0 ? null : new AuditCheckpoint(sequence, Convert.ToHexStringLower(previous));
}
