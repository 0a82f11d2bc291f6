using System.Text.Json.Serialization;
using PrecisionCloud.Resources.Oci.Runtime;

namespace PrecisionCloud.Resources.Oci;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WorkloadRecord))]
[JsonSerializable(typeof(ResourceRecord))]
internal sealed partial class OciJsonContext : JsonSerializerContext;
