using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>The access points of a zone (ETSI GS MEC 013).</summary>
/// <param name="ZoneId">The zone.</param>
/// <param name="ResourceUrl">This resource.</param>
/// <param name="AccessPoint">The access points.</param>
public sealed record AccessPointList(string ZoneId, [property: JsonPropertyName("resourceURL")] string ResourceUrl, IReadOnlyList<AccessPointInfo>? AccessPoint = null);
