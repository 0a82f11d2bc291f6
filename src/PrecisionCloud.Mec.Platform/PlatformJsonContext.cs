using System.Text.Json.Serialization;
using PrecisionCloud.Mec.Platform.Administration;
using PrecisionCloud.Mec.Platform.Registry;

namespace PrecisionCloud.Mec.Platform;

/// <summary>JSON of the platform's stored records and administration API, with the naming of the MEC data model.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    AllowOutOfOrderMetadataProperties = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(StoredApplication))]
[JsonSerializable(typeof(StoredService))]
[JsonSerializable(typeof(StoredServiceSubscription))]
[JsonSerializable(typeof(StoredTerminationSubscription))]
[JsonSerializable(typeof(StoredTrafficRule))]
[JsonSerializable(typeof(StoredDnsRule))]
[JsonSerializable(typeof(Location.StoredLocationSubscription))]
[JsonSerializable(typeof(Location.ZoneSubscriptionBody))]
[JsonSerializable(typeof(Location.UserSubscriptionBody))]
[JsonSerializable(typeof(AppProvisioning))]
[JsonSerializable(typeof(AppInstanceStatus))]
[JsonSerializable(typeof(IReadOnlyList<AppInstanceStatus>))]
[JsonSerializable(typeof(TerminationRequest))]
[JsonSerializable(typeof(IReadOnlyList<Storage.DeadLetter>))]
internal sealed partial class PlatformJsonContext : JsonSerializerContext;
