using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>A user entered or left a subscribed area (ETSI GS MEC 013 clause 6.4.8).</summary>
public sealed record UserAreaNotification
{
    /// <summary>The notification type of this record.</summary>
    public const string Type = "UserAreaNotification";

    /// <summary>Always <c>UserAreaNotification</c>.</summary>
    public string NotificationType { get; init; } = Type;

    /// <summary>The user.</summary>
    public required string Address { get; init; }

    /// <summary>Entered or left.</summary>
    public required LocationEventType UserLocationEvent { get; init; }

    /// <summary>Where the user is now.</summary>
    public LocationInfo? LocationInfo { get; init; }

    /// <summary>When it happened.</summary>
    public TimeStamp? TimeStamp { get; init; }

    /// <summary>The subscription.</summary>
    [JsonPropertyName("_links")]
    public required NotificationLinks Links { get; init; }
}
