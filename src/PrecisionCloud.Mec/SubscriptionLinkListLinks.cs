namespace PrecisionCloud.Mec;

/// <summary>The links of a subscription list (ETSI GS MEC 011 clause 6.2.2, <c>_links</c>).</summary>
/// <param name="Self">The list itself.</param>
/// <param name="Subscriptions">The subscriptions in it.</param>
public sealed record SubscriptionLinkListLinks(LinkType Self, IReadOnlyList<SubscriptionLink>? Subscriptions = null);
