using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec;

/// <summary>The subscriptions of an application instance (ETSI GS MEC 011 clause 6.2.2).</summary>
/// <param name="Links">The list and its subscriptions.</param>
public sealed record SubscriptionLinkList([property: JsonPropertyName("_links")] SubscriptionLinkListLinks Links);
