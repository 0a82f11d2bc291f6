using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>A user entered or left a zone (ETSI GS MEC 013 clause 6.4.4).</summary>
public sealed record UserLocationEventNotification
{
    /// <summary>The notification type of this record.</summary>
    public const string Type = "UserLocationEventNotification";

    /// <summary>Always <c>UserLocationEventNotification</c>.</summary>
    public string NotificationType { get; init; } = Type;

    /// <summary>When it happened.</summary>
    public TimeStamp? TimeStamp { get; init; }

    /// <summary>The user.</summary>
    public string? Address { get; init; }

    /// <summary>Entered or left.</summary>
    public required LocationEventType UserLocationEvent { get; init; }

    /// <summary>The zone entered or left.</summary>
    public string? ZoneId { get; init; }

    /// <summary>The access point the user is attached to now.</summary>
    public string? AccessPointId { get; init; }

    /// <summary>The subscription.</summary>
    [JsonPropertyName("_links")]
    public required NotificationLinks Links { get; init; }
}
