using System.Text.Json.Serialization.Metadata;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Location;
using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.Platform;

/// <summary>The source-generated metadata of the MEC types the platform reads and writes.</summary>
internal static class MecJsonTypes
{
    public static JsonTypeInfo<ServiceInfo> ServiceInfo { get; } = Of<ServiceInfo>();

    public static JsonTypeInfo<TransportInfo> TransportInfo { get; } = Of<TransportInfo>();

    public static JsonTypeInfo<IReadOnlyList<TransportInfo>> TransportInfos { get; } = Of<IReadOnlyList<TransportInfo>>();

    public static JsonTypeInfo<ProblemDetails> ProblemDetails { get; } = Of<ProblemDetails>();

    public static JsonTypeInfo<SubscriptionLinkList> SubscriptionLinkList { get; } = Of<SubscriptionLinkList>();

    public static JsonTypeInfo<SerAvailabilityNotificationSubscription> ServiceSubscription { get; } = Of<SerAvailabilityNotificationSubscription>();

    public static JsonTypeInfo<ServiceAvailabilityNotification> ServiceNotification { get; } = Of<ServiceAvailabilityNotification>();

    public static JsonTypeInfo<ServiceLivenessInfo> LivenessInfo { get; } = Of<ServiceLivenessInfo>();

    public static JsonTypeInfo<ServiceLivenessUpdate> LivenessUpdate { get; } = Of<ServiceLivenessUpdate>();

    public static JsonTypeInfo<AppInfo> AppInfo { get; } = Of<AppInfo>();

    public static JsonTypeInfo<AppReadyConfirmation> ReadyConfirmation { get; } = Of<AppReadyConfirmation>();

    public static JsonTypeInfo<AppTerminationConfirmation> TerminationConfirmation { get; } = Of<AppTerminationConfirmation>();

    public static JsonTypeInfo<AppTerminationNotification> TerminationNotification { get; } = Of<AppTerminationNotification>();

    public static JsonTypeInfo<AppTerminationNotificationSubscription> TerminationSubscription { get; } = Of<AppTerminationNotificationSubscription>();

    public static JsonTypeInfo<TrafficRule> TrafficRule { get; } = Of<TrafficRule>();

    public static JsonTypeInfo<IReadOnlyList<TrafficRule>> TrafficRules { get; } = Of<IReadOnlyList<TrafficRule>>();

    public static JsonTypeInfo<DnsRule> DnsRule { get; } = Of<DnsRule>();

    public static JsonTypeInfo<IReadOnlyList<DnsRule>> DnsRules { get; } = Of<IReadOnlyList<DnsRule>>();

    public static JsonTypeInfo<TimingCaps> TimingCaps { get; } = Of<TimingCaps>();

    public static JsonTypeInfo<CurrentTime> CurrentTime { get; } = Of<CurrentTime>();

    public static JsonTypeInfo<InlineUserList> InlineUserList { get; } = Of<InlineUserList>();

    public static JsonTypeInfo<InlineZoneList> InlineZoneList { get; } = Of<InlineZoneList>();

    public static JsonTypeInfo<InlineZoneInfo> InlineZoneInfo { get; } = Of<InlineZoneInfo>();

    public static JsonTypeInfo<InlineAccessPointList> InlineAccessPointList { get; } = Of<InlineAccessPointList>();

    public static JsonTypeInfo<InlineAccessPointInfo> InlineAccessPointInfo { get; } = Of<InlineAccessPointInfo>();

    public static JsonTypeInfo<InlineNotificationSubscriptionList> InlineSubscriptionList { get; } = Of<InlineNotificationSubscriptionList>();

    public static JsonTypeInfo<InlineZoneLocationEventSubscription> InlineZoneSubscription { get; } = Of<InlineZoneLocationEventSubscription>();

    public static JsonTypeInfo<InlineUserLocationEventSubscription> InlineUserSubscription { get; } = Of<InlineUserLocationEventSubscription>();

    public static JsonTypeInfo<InlineZoneLocationEventNotification> InlineZoneLocationEventNotification { get; } = Of<InlineZoneLocationEventNotification>();

    public static JsonTypeInfo<InlineUserLocationEventNotification> InlineUserLocationEventNotification { get; } = Of<InlineUserLocationEventNotification>();

    public static JsonTypeInfo<InlineTestNotification> InlineTestNotification { get; } = Of<InlineTestNotification>();

    public static JsonTypeInfo<InlineZoneStatusSubscription> InlineZoneStatusSubscription { get; } = Of<InlineZoneStatusSubscription>();

    public static JsonTypeInfo<InlineZoneStatusNotification> InlineZoneStatusNotification { get; } = Of<InlineZoneStatusNotification>();

    public static JsonTypeInfo<InlineTerminalDistance> InlineTerminalDistance { get; } = Of<InlineTerminalDistance>();

    public static JsonTypeInfo<InlineUserAreaSubscription> InlineUserAreaSubscription { get; } = Of<InlineUserAreaSubscription>();

    public static JsonTypeInfo<InlineUserAreaNotification> InlineUserAreaNotification { get; } = Of<InlineUserAreaNotification>();

    public static JsonTypeInfo<InlineUserLocationPeriodicSubscription> InlineUserLocationPeriodicSubscription { get; } = Of<InlineUserLocationPeriodicSubscription>();

    public static JsonTypeInfo<InlineUserLocationPeriodicNotification> InlineUserLocationPeriodicNotification { get; } = Of<InlineUserLocationPeriodicNotification>();

    public static JsonTypeInfo<InlineUserDistanceSubscription> InlineUserDistanceSubscription { get; } = Of<InlineUserDistanceSubscription>();

    public static JsonTypeInfo<InlineUserDistanceNotification> InlineUserDistanceNotification { get; } = Of<InlineUserDistanceNotification>();

    private static JsonTypeInfo<T> Of<T>() => (JsonTypeInfo<T>)MecJson.Options.GetTypeInfo(typeof(T));
}
