using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>Users (ETSI GS MEC 013).</summary>
/// <param name="ResourceUrl">This resource.</param>
/// <param name="User">The users.</param>
public sealed record UserList([property: JsonPropertyName("resourceURL")] string ResourceUrl, IReadOnlyList<UserInfo>? User = null);
