using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>An access point (a gNB or eNB as the platform knows it) of a zone (ETSI GS MEC 013).</summary>
public sealed record AccessPointInfo
{
    /// <summary>The access point.</summary>
    public required string AccessPointId { get; init; }

    /// <summary>Its radio technology.</summary>
    public required ConnectionType ConnectionType { get; init; }

    /// <summary>Whether it serves users.</summary>
    public required OperationStatus OperationStatus { get; init; }

    /// <summary>The users attached to it.</summary>
    public required int NumberOfUsers { get; init; }

    /// <summary>This resource.</summary>
    [JsonPropertyName("resourceURL")]
    public required string ResourceUrl { get; init; }

    /// <summary>Where it is.</summary>
    public LocationInfo? LocationInfo { get; init; }

    /// <summary>Its time zone.</summary>
    public string? Timezone { get; init; }

    /// <summary>Its interest realm (for example a building).</summary>
    public string? InterestRealm { get; init; }
}
