namespace PrecisionCloud.Security.Audit;

/// <summary>What a verification of an audit log found.</summary>
/// <param name="IsIntact">Whether every record is unchanged, in order and in the chain, and the expectations held.</param>
/// <param name="Records">Records verified before the first problem (all of them when intact).</param>
/// <param name="Head">The last verified record's checkpoint, or none for an empty log.</param>
/// <param name="Problem">What is wrong, naming the file, line and sequence number, or none.</param>
public sealed record AuditVerification(bool IsIntact, long Records, AuditCheckpoint? Head, string? Problem);
