using System.Text.Json;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Placement;
using PrecisionCloud.Resources.Storage;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources;

/// <summary>The JSON form of the unified model's records (camelCase, enums as strings), as stored and as printed.</summary>
public static class ResourceJson
{
    private static readonly ResourcesJsonContext Indented = new(new JsonSerializerOptions(ResourcesJsonContext.Default.Options) { WriteIndented = true });

    /// <summary>A workload as indented JSON.</summary>
    /// <param name="workload">The workload.</param>
    public static string Serialize(Workload workload) => JsonSerializer.Serialize(workload, Indented.Workload);

    /// <summary>A placement decision as indented JSON.</summary>
    /// <param name="decision">The decision.</param>
    public static string Serialize(PlacementDecision decision) => JsonSerializer.Serialize(decision, Indented.PlacementDecision);

    /// <summary>Reads a workload spec.</summary>
    /// <param name="json">The JSON.</param>
    /// <exception cref="ResourceValidationException">The JSON is malformed or lacks a required field.</exception>
    public static WorkloadSpec ReadWorkloadSpec(string json) => Read(json, ResourcesJsonContext.Default.WorkloadSpec);

    /// <summary>Reads a volume spec.</summary>
    /// <param name="json">The JSON.</param>
    /// <exception cref="ResourceValidationException">The JSON is malformed or lacks a required field.</exception>
    public static VolumeSpec ReadVolumeSpec(string json) => Read(json, ResourcesJsonContext.Default.VolumeSpec);

    /// <summary>Reads a network spec.</summary>
    /// <param name="json">The JSON.</param>
    /// <exception cref="ResourceValidationException">The JSON is malformed or lacks a required field.</exception>
    public static NetworkSpec ReadNetworkSpec(string json) => Read(json, ResourcesJsonContext.Default.NetworkSpec);

    /// <summary>Reads a security policy spec.</summary>
    /// <param name="json">The JSON.</param>
    /// <exception cref="ResourceValidationException">The JSON is malformed or lacks a required field.</exception>
    public static SecurityPolicySpec ReadSecurityPolicySpec(string json) => Read(json, ResourcesJsonContext.Default.SecurityPolicySpec);

    /// <summary>Reads a tenant spec.</summary>
    /// <param name="json">The JSON.</param>
    /// <exception cref="ResourceValidationException">The JSON is malformed or lacks a required field.</exception>
    public static TenantSpec ReadTenantSpec(string json) => Read(json, ResourcesJsonContext.Default.TenantSpec);

    private static T Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw new ResourceValidationException("$", "null is not a spec");
        }
        catch (JsonException exception)
        {
            throw new ResourceValidationException(exception.Path ?? "$", exception.Message);
        }
    }
}
