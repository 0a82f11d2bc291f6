using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>Zones (ETSI GS MEC 013).</summary>
/// <param name="ResourceUrl">This resource.</param>
/// <param name="Zone">The zones.</param>
public sealed record ZoneList([property: JsonPropertyName("resourceURL")] string ResourceUrl, IReadOnlyList<ZoneInfo>? Zone = null);
