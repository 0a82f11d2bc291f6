using PrecisionCloud.Mec.Location;

namespace PrecisionCloud.Mec.Platform.Location;

/// <summary>The body of <c>POST /subscriptions/users</c>: a user location event or a periodic subscription.</summary>
internal sealed record UserSubscriptionBody(UserLocationEventSubscription? UserLocationEventSubscription, UserLocationPeriodicSubscription? UserLocationPeriodicSubscription);
