namespace PrecisionCloud.Security.Audit;

/// <summary>
/// A point in the audit chain: a record's sequence number and hash. Kept apart from the log (printed, sent to
/// another site, written to write-once storage), it lets a verifier prove later that the log still reaches that
/// point unchanged, or that it starts there after older files were archived.
/// </summary>
/// <param name="Sequence">The record's sequence number (the first record is 1).</param>
/// <param name="Hash">The record's SHA-256 hash, 64 lowercase hex digits.</param>
public sealed record AuditCheckpoint(long Sequence, string Hash)
{
    /// <summary>The text form, <c>sequence:hash</c>.</summary>
    /// <returns>The checkpoint as text.</returns>
    public override string ToString() => $"{Sequence}:{Hash}";

    /// <summary>Reads the text form <c>sequence:hash</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="checkpoint">The checkpoint, when the text is one.</param>
    /// <returns>Whether the text is a checkpoint.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AuditCheckpoint? checkpoint)
    {
        checkpoint = null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || !long.TryParse(text.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
        {
            return false;
        }

        var hash = text![(colon + 1)..];
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        checkpoint = new AuditCheckpoint(sequence, hash);
        return true;
    }
}
