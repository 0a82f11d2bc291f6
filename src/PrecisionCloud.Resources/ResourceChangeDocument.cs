using System.Text.Json;

namespace PrecisionCloud.Resources;

/// <summary>A change as the watch stream writes it: the change's fields with the resource as JSON.</summary>
internal sealed record ResourceChangeDocument(long Revision, ResourceKind Kind, string Key, ResourceChangeType Type, string Reason, JsonElement Resource);
