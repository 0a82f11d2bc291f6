using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>A subscription to the number of users in a zone or its access points crossing thresholds (ETSI GS MEC 013 clause 6.3.7).</summary>
public sealed record ZoneStatusSubscription
{
    /// <summary>The subscription type of this record.</summary>
    public const string Type = "ZoneStatusSubscription";

    /// <summary>Always <c>ZoneStatusSubscription</c>.</summary>
    public string SubscriptionType { get; init; } = Type;

    /// <summary>Where the platform posts the notifications (absent when they go over a WebSocket).</summary>
    public string? CallbackReference { get; init; }

    /// <summary>The zone.</summary>
    public required string ZoneId { get; init; }

    /// <summary>Notify when the zone's users go above this number.</summary>
    [JsonPropertyName("upperNumberOfUsersZoneThreshold")]
    public int? UpperNumberOfUsersZoneThreshold { get; init; }

    /// <summary>Notify when the zone's users go below this number.</summary>
    [JsonPropertyName("lowerNumberOfUsersZoneThreshold")]
    public int? LowerNumberOfUsersZoneThreshold { get; init; }

    /// <summary>Notify when an access point's users go above this number.</summary>
    [JsonPropertyName("upperNumberOfUsersAPThreshold")]
    public int? UpperNumberOfUsersApThreshold { get; init; }

    /// <summary>Notify when an access point's users go below this number.</summary>
    [JsonPropertyName("lowerNumberOfUsersAPThreshold")]
    public int? LowerNumberOfUsersApThreshold { get; init; }

    /// <summary>The subscriber's own correlator, echoed back.</summary>
    public string? ClientCorrelator { get; init; }

    /// <summary>When the subscription ends by itself.</summary>
    public TimeStamp? ExpiryDeadline { get; init; }

    /// <summary>Whether to post a test notification first.</summary>
    public bool? RequestTestNotification { get; init; }

    /// <summary>WebSocket delivery.</summary>
    public WebsockNotifConfig? WebsockNotifConfig { get; init; }

    /// <summary>The subscription itself (absent in requests).</summary>
    [JsonPropertyName("_links")]
    public SelfLinks? Links { get; init; }
}
