using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>A subscription to the distance between users, or from users to reference users (ETSI GS MEC 013 clause 6.3.9).</summary>
public sealed record UserDistanceSubscription
{
    /// <summary>The subscription type of this record.</summary>
    public const string Type = "UserDistanceSubscription";

    /// <summary>Always <c>UserDistanceSubscription</c>.</summary>
    public string SubscriptionType { get; init; } = Type;

    /// <summary>Where the platform posts the notifications (absent when they go over a WebSocket).</summary>
    public string? CallbackReference { get; init; }

    /// <summary>The users whose distance is watched.</summary>
    public required IReadOnlyList<string> MonitoredAddress { get; init; }

    /// <summary>The users distances are measured to (the monitored users to each other when absent).</summary>
    public IReadOnlyList<string>? ReferenceAddress { get; init; }

    /// <summary>The distance in meters.</summary>
    public required int Distance { get; init; }

    /// <summary>The accuracy asked for, in meters.</summary>
    public required double TrackingAccuracy { get; init; }

    /// <summary>When to notify.</summary>
    public required DistanceCriteria Criteria { get; init; }

    /// <summary>Whether to check the criteria at once, not only at the next move.</summary>
    public required bool CheckImmediate { get; init; }

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
