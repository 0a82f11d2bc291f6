namespace PrecisionCloud.Mec;

/// <summary>One subscription in a subscription list (ETSI GS MEC 011 clause 6.2.2, <c>subscriptions</c>).</summary>
/// <param name="Href">The URI of the subscription.</param>
/// <param name="SubscriptionType">Its type, as its <c>subscriptionType</c> says.</param>
public sealed record SubscriptionLink(string Href, string SubscriptionType);
