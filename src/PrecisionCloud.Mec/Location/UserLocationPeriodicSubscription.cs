using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>A subscription to a user's location reported at intervals (ETSI GS MEC 013 clause 6.3.5).</summary>
public sealed record UserLocationPeriodicSubscription
{
    /// <summary>The subscription type of this record.</summary>
    public const string Type = "UserLocationPeriodicSubscription";

    /// <summary>Always <c>UserLocationPeriodicSubscription</c>.</summary>
    public string SubscriptionType { get; init; } = Type;

    /// <summary>Where the platform posts the notifications (absent when they go over a WebSocket).</summary>
    public string? CallbackReference { get; init; }

    /// <summary>The user.</summary>
    public required string Address { get; init; }

    /// <summary>How often and how many times.</summary>
    public required PeriodicEventInfo PeriodicEventInfo { get; init; }

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
