using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>A subscription to users entering or leaving a zone (ETSI GS MEC 013 clause 6.3.6).</summary>
public sealed record ZoneLocationEventSubscription
{
    /// <summary>The subscription type of this record.</summary>
    public const string Type = "ZoneLocationEventSubscription";

    /// <summary>Always <c>ZoneLocationEventSubscription</c>.</summary>
    public string SubscriptionType { get; init; } = Type;

    /// <summary>Where the platform posts the notifications (absent when they go over a WebSocket).</summary>
    public string? CallbackReference { get; init; }

    /// <summary>The zone.</summary>
    public required string ZoneId { get; init; }

    /// <summary>Only these users (all when absent).</summary>
    public IReadOnlyList<string>? AddressList { get; init; }

    /// <summary>Which events (both when absent).</summary>
    public IReadOnlyList<LocationEventType>? LocationEventCriteria { get; init; }

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
