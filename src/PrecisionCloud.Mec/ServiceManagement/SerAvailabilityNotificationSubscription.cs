using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>An application instance's subscription to service availability (ETSI GS MEC 011 clause 8.1.3.2).</summary>
public sealed record SerAvailabilityNotificationSubscription
{
    /// <summary>The subscription type of this record.</summary>
    public const string Type = "SerAvailabilityNotificationSubscription";

    /// <summary>Always <c>SerAvailabilityNotificationSubscription</c>.</summary>
    public string SubscriptionType { get; init; } = Type;

    /// <summary>Where the platform posts the notifications.</summary>
    public required string CallbackReference { get; init; }

    /// <summary>The subscription itself (absent in requests).</summary>
    [JsonPropertyName("_links")]
    public SelfLinks? Links { get; init; }

    /// <summary>Which services to hear of (all when absent).</summary>
    public FilteringCriteria? FilteringCriteria { get; init; }
}
