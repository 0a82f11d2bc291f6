using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>A distance subscription's criteria became true (ETSI GS MEC 013 clause 6.4.9).</summary>
public sealed record UserDistanceNotification
{
    /// <summary>The notification type of this record.</summary>
    public const string Type = "UserDistanceNotification";

    /// <summary>Always <c>UserDistanceNotification</c>.</summary>
    public string NotificationType { get; init; } = Type;

    /// <summary>The monitored users and where they are.</summary>
    public required UserList MonitoredUsers { get; init; }

    /// <summary>The criteria that became true.</summary>
    public required DistanceCriteria DistanceEvent { get; init; }

    /// <summary>When.</summary>
    public TimeStamp? TimeStamp { get; init; }

    /// <summary>The subscription.</summary>
    [JsonPropertyName("_links")]
    public required NotificationLinks Links { get; init; }
}
