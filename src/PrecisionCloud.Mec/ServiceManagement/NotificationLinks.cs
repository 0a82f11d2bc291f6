namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>The links of a service availability notification (ETSI GS MEC 011 clause 8.1.4.2, <c>_links</c>).</summary>
/// <param name="Subscription">The subscription the notification is for.</param>
public sealed record NotificationLinks(LinkType Subscription);
