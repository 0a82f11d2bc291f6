namespace PrecisionCloud.Resources.State;

/// <summary>A stored change, for resuming watches.</summary>
internal sealed record StoredChange(long Revision, ResourceKind Kind, string Key, ResourceChangeType Type, string Reason, string Document);
