namespace PrecisionCloud.Mec;

/// <summary>The links of a notification (ETSI GS MEC 011 clause 8.1.4.2, GS MEC 013 clause 6.4, <c>_links</c>): the subscription it is for.</summary>
/// <param name="Subscription">The subscription the notification is for.</param>
public sealed record NotificationLinks(LinkType Subscription);
