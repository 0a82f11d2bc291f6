using PrecisionCloud.Mec.ApplicationSupport;

namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>An application termination subscription as stored.</summary>
internal sealed record StoredTerminationSubscription(string AppInstanceId, string SubscriptionId, AppTerminationNotificationSubscription Subscription);
