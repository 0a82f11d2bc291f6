using System.Text.Json.Serialization;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Location;
using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec;

/// <summary>
/// JSON for the MEC data model, generated at build time (no reflection; trimming and NativeAOT safe): camelCase
/// names as in the specifications, enumerations as their specification names, absent values left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    AllowOutOfOrderMetadataProperties = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(ServiceInfo))]
[JsonSerializable(typeof(IReadOnlyList<ServiceInfo>))]
[JsonSerializable(typeof(TransportInfo))]
[JsonSerializable(typeof(IReadOnlyList<TransportInfo>))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(SubscriptionLinkList))]
[JsonSerializable(typeof(SerAvailabilityNotificationSubscription))]
[JsonSerializable(typeof(ServiceAvailabilityNotification))]
[JsonSerializable(typeof(ServiceLivenessInfo))]
[JsonSerializable(typeof(ServiceLivenessUpdate))]
[JsonSerializable(typeof(AppInfo))]
[JsonSerializable(typeof(AppReadyConfirmation))]
[JsonSerializable(typeof(AppTerminationConfirmation))]
[JsonSerializable(typeof(AppTerminationNotification))]
[JsonSerializable(typeof(AppTerminationNotificationSubscription))]
[JsonSerializable(typeof(TrafficRule))]
[JsonSerializable(typeof(IReadOnlyList<TrafficRule>))]
[JsonSerializable(typeof(DnsRule))]
[JsonSerializable(typeof(IReadOnlyList<DnsRule>))]
[JsonSerializable(typeof(TimingCaps))]
[JsonSerializable(typeof(CurrentTime))]
[JsonSerializable(typeof(InlineUserList))]
[JsonSerializable(typeof(InlineUserInfo))]
[JsonSerializable(typeof(InlineZoneList))]
[JsonSerializable(typeof(InlineZoneInfo))]
[JsonSerializable(typeof(InlineAccessPointList))]
[JsonSerializable(typeof(InlineAccessPointInfo))]
[JsonSerializable(typeof(InlineNotificationSubscriptionList))]
[JsonSerializable(typeof(InlineZoneLocationEventSubscription))]
[JsonSerializable(typeof(InlineUserLocationEventSubscription))]
[JsonSerializable(typeof(InlineZoneLocationEventNotification))]
[JsonSerializable(typeof(InlineUserLocationEventNotification))]
[JsonSerializable(typeof(InlineTestNotification))]
[JsonSerializable(typeof(InlineZoneStatusSubscription))]
[JsonSerializable(typeof(InlineZoneStatusNotification))]
[JsonSerializable(typeof(InlineTerminalDistance))]
[JsonSerializable(typeof(InlineUserAreaSubscription))]
[JsonSerializable(typeof(InlineUserAreaNotification))]
[JsonSerializable(typeof(InlineUserLocationPeriodicSubscription))]
[JsonSerializable(typeof(InlineUserLocationPeriodicNotification))]
[JsonSerializable(typeof(InlineUserDistanceSubscription))]
[JsonSerializable(typeof(InlineUserDistanceNotification))]
internal sealed partial class MecJsonContext : JsonSerializerContext;
