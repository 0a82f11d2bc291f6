using PrecisionCloud.Mec.Location;

namespace PrecisionCloud.Mec.Platform.Location;

/// <summary>The body of <c>POST /subscriptions/zones</c>: a zone location event or a zone status subscription.</summary>
internal sealed record ZoneSubscriptionBody(ZoneLocationEventSubscription? ZoneLocationEventSubscription, ZoneStatusSubscription? ZoneStatusSubscription);
