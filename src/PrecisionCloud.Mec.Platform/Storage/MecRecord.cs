namespace PrecisionCloud.Mec.Platform.Storage;

/// <summary>One stored piece of platform state, as JSON.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Id">Its identifier, unique within its kind.</param>
/// <param name="Body">Its JSON.</param>
public sealed record MecRecord(MecRecordKind Kind, string Id, string Body);
