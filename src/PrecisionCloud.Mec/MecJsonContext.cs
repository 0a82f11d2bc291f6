using System.Text.Json.Serialization;
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
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(ServiceInfo))]
[JsonSerializable(typeof(IReadOnlyList<ServiceInfo>))]
[JsonSerializable(typeof(TransportInfo))]
[JsonSerializable(typeof(IReadOnlyList<TransportInfo>))]
[JsonSerializable(typeof(ProblemDetails))]
internal sealed partial class MecJsonContext : JsonSerializerContext;
