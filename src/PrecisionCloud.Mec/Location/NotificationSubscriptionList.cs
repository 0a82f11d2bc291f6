using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>Subscriptions of a kind (ETSI GS MEC 013 clause 6.3.3).</summary>
/// <param name="ResourceUrl">This resource.</param>
/// <param name="Subscription">The subscriptions.</param>
public sealed record NotificationSubscriptionList([property: JsonPropertyName("resourceURL")] LinkType ResourceUrl, IReadOnlyList<SubscriptionLink>? Subscription = null);
