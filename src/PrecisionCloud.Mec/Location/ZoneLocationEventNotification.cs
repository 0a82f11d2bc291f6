using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>A user entered or left a zone (ETSI GS MEC 013 clause 6.4.6).</summary>
public sealed record ZoneLocationEventNotification
{
    /// <summary>The notification type of this record.</summary>
    public const string Type = "ZoneLocationEventNotification";

    /// <summary>Always <c>ZoneLocationEventNotification</c>.</summary>
    public string NotificationType { get; init; } = Type;

    /// <summary>When it happened.</summary>
    public TimeStamp? TimeStamp { get; init; }

    /// <summary>The user.</summary>
    public required string Address { get; init; }

    /// <summary>The zone.</summary>
    public required string ZoneId { get; init; }

    /// <summary>Entered or left.</summary>
    public required LocationEventType UserLocationEvent { get; init; }

    /// <summary>The subscription.</summary>
    [JsonPropertyName("_links")]
    public required NotificationLinks Links { get; init; }
}
