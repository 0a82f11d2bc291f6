using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>A periodic report of a user's location (ETSI GS MEC 013 clause 6.4.5).</summary>
public sealed record UserLocationPeriodicNotification
{
    /// <summary>The notification type of this record.</summary>
    public const string Type = "UserLocationPeriodicNotification";

    /// <summary>Always <c>UserLocationPeriodicNotification</c>.</summary>
    public string NotificationType { get; init; } = Type;

    /// <summary>The user.</summary>
    public string? Address { get; init; }

    /// <summary>The user's access point.</summary>
    public string? AccessPointId { get; init; }

    /// <summary>The user's zone.</summary>
    public string? ZoneId { get; init; }

    /// <summary>Where the user is.</summary>
    public LocationInfo? LocationInfo { get; init; }

    /// <summary>Whether the user was located.</summary>
    public required NotificationResult Result { get; init; }

    /// <summary>Whether this is the last report of the subscription.</summary>
    public bool? IsFinalNotification { get; init; }

    /// <summary>When it was made.</summary>
    public TimeStamp? TimeStamp { get; init; }

    /// <summary>The subscription.</summary>
    [JsonPropertyName("_links")]
    public required NotificationLinks Links { get; init; }
}
