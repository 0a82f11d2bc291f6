using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>A service availability subscription as stored.</summary>
internal sealed record StoredServiceSubscription(string AppInstanceId, string SubscriptionId, SerAvailabilityNotificationSubscription Subscription);
