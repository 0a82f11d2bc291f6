namespace PrecisionCloud.Mec.Platform.Storage;

/// <summary>One change within a commit: a record written whole, or removed.</summary>
/// <param name="Kind">The record's kind.</param>
/// <param name="Id">The record's identifier.</param>
/// <param name="Body">The record's new JSON, or none to remove it.</param>
public sealed record MecStoreChange(MecRecordKind Kind, string Id, string? Body)
{
    /// <summary>A change that writes a record.</summary>
    /// <param name="kind">The record's kind.</param>
    /// <param name="id">The record's identifier.</param>
    /// <param name="body">Its JSON.</param>
    /// <returns>The change.</returns>
    public static MecStoreChange Put(MecRecordKind kind, string id, string body) => new(kind, id, body);

    /// <summary>A change that removes a record.</summary>
    /// <param name="kind">The record's kind.</param>
    /// <param name="id">The record's identifier.</param>
    /// <returns>The change.</returns>
    public static MecStoreChange Remove(MecRecordKind kind, string id) => new(kind, id, null);
}
