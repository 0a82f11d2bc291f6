namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>The links of a termination notification (ETSI GS MEC 011 clause 7.1.4.2, <c>_links</c>).</summary>
/// <param name="Subscription">The subscription the notification is for.</param>
/// <param name="ConfirmTermination">Where to confirm the termination.</param>
public sealed record AppTerminationNotificationLinks(LinkType Subscription, LinkType? ConfirmTermination = null);
