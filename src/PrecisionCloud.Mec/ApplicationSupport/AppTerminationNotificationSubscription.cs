using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>An application instance's subscription to its own termination notices (ETSI GS MEC 011 clause 7.1.3.2).</summary>
public sealed record AppTerminationNotificationSubscription
{
    /// <summary>The subscription type of this record.</summary>
    public const string Type = "AppTerminationNotificationSubscription";

    /// <summary>Always <c>AppTerminationNotificationSubscription</c>.</summary>
    public string SubscriptionType { get; init; } = Type;

    /// <summary>Where the platform posts the notifications.</summary>
    public required string CallbackReference { get; init; }

    /// <summary>The subscription itself (absent in requests).</summary>
    [JsonPropertyName("_links")]
    public SelfLinks? Links { get; init; }

    /// <summary>The subscribing instance.</summary>
    public required string AppInstanceId { get; init; }
}
