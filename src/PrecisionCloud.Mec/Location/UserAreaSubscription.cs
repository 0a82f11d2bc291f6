using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>A subscription to users entering or leaving a geographic area (ETSI GS MEC 013 clause 6.3.8).</summary>
public sealed record UserAreaSubscription
{
    /// <summary>The subscription type of this record.</summary>
    public const string Type = "UserAreaSubscription";

    /// <summary>Always <c>UserAreaSubscription</c>.</summary>
    public string SubscriptionType { get; init; } = Type;

    /// <summary>Where the platform posts the notifications (absent when they go over a WebSocket).</summary>
    public string? CallbackReference { get; init; }

    /// <summary>The area.</summary>
    public required AreaInfo AreaDefine { get; init; }

    /// <summary>The users.</summary>
    public required IReadOnlyList<string> AddressList { get; init; }

    /// <summary>The accuracy asked for, in meters.</summary>
    public required double TrackingAccuracy { get; init; }

    /// <summary>Which event (both when absent).</summary>
    public LocationEventType? LocationEventCriteria { get; init; }

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
