namespace PrecisionCloud.Resources.State;

/// <summary>A stored record: its kind, key and JSON document.</summary>
internal sealed record StoredResource(ResourceKind Kind, string Key, string Document);
