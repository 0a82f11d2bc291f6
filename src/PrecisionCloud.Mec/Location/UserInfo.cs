using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>Where a user is (ETSI GS MEC 013 clause 6.2.2).</summary>
public sealed record UserInfo
{
    /// <summary>The user's address (for example <c>acr:10.45.0.2</c>).</summary>
    public required string Address { get; init; }

    /// <summary>The access point the user is attached to.</summary>
    public required string AccessPointId { get; init; }

    /// <summary>The zone of that access point.</summary>
    public required string ZoneId { get; init; }

    /// <summary>This resource.</summary>
    [JsonPropertyName("resourceURL")]
    public required string ResourceUrl { get; init; }

    /// <summary>When the location was collected.</summary>
    public required TimeStamp Timestamp { get; init; }

    /// <summary>The geographic location, when the access point's is known.</summary>
    public LocationInfo? LocationInfo { get; init; }
}
