using System.Text.Json.Serialization;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Placement;
using PrecisionCloud.Resources.Storage;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources;

/// <summary>JSON of the stored records and of the hashes given to providers.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    WriteIndented = false)]
[JsonSerializable(typeof(Workload))]
[JsonSerializable(typeof(Volume))]
[JsonSerializable(typeof(Network))]
[JsonSerializable(typeof(SecurityPolicy))]
[JsonSerializable(typeof(Tenant))]
[JsonSerializable(typeof(PlacementDecision))]
[JsonSerializable(typeof(IReadOnlyList<Workload>))]
[JsonSerializable(typeof(WorkloadSpec))]
[JsonSerializable(typeof(VolumeSpec))]
[JsonSerializable(typeof(NetworkSpec))]
[JsonSerializable(typeof(SecurityPolicySpec))]
[JsonSerializable(typeof(TenantSpec))]
[JsonSerializable(typeof(HashInput))]
[JsonSerializable(typeof(IReadOnlyList<Tenant>))]
[JsonSerializable(typeof(IReadOnlyList<Network>))]
[JsonSerializable(typeof(IReadOnlyList<SecurityPolicy>))]
[JsonSerializable(typeof(IReadOnlyList<Volume>))]
[JsonSerializable(typeof(IReadOnlyList<Providers.ProviderDescription>))]
[JsonSerializable(typeof(Reconciliation.ReconcileReport))]
[JsonSerializable(typeof(ResourceChangeDocument))]
internal sealed partial class ResourcesJsonContext : JsonSerializerContext;
