using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>A zone and how many access points and users it has (ETSI GS MEC 013).</summary>
public sealed record ZoneInfo
{
    /// <summary>The zone.</summary>
    public required string ZoneId { get; init; }

    /// <summary>Its access points.</summary>
    public required int NumberOfAccessPoints { get; init; }

    /// <summary>Its access points that serve no users.</summary>
    public required int NumberOfUnserviceableAccessPoints { get; init; }

    /// <summary>The users in it.</summary>
    public required int NumberOfUsers { get; init; }

    /// <summary>This resource.</summary>
    [JsonPropertyName("resourceURL")]
    public required string ResourceUrl { get; init; }
}
