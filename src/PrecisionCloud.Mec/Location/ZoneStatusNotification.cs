using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>The number of users in a zone or an access point crossed a threshold (ETSI GS MEC 013 clause 6.4.7).</summary>
public sealed record ZoneStatusNotification
{
    /// <summary>The notification type of this record.</summary>
    public const string Type = "ZoneStatusNotification";

    /// <summary>Always <c>ZoneStatusNotification</c>.</summary>
    public string NotificationType { get; init; } = Type;

    /// <summary>The zone.</summary>
    public required string ZoneId { get; init; }

    /// <summary>The access point, for an access point threshold.</summary>
    public string? AccessPointId { get; init; }

    /// <summary>Which threshold was crossed: 1 over the zone's upper, 2 under the zone's lower, 3 over an access point's upper, 4 under its lower.</summary>
    public int? UserNumEvent { get; init; }

    /// <summary>When it happened.</summary>
    public TimeStamp? TimeStamp { get; init; }

    /// <summary>The subscription.</summary>
    [JsonPropertyName("_links")]
    public required NotificationLinks Links { get; init; }
}
