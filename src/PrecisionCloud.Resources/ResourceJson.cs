using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Placement;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Reconciliation;
using PrecisionCloud.Resources.Storage;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources;

/// <summary>The JSON form of the unified model (camelCase, enums as strings), as stored, served and printed.</summary>
public static class ResourceJson
{
    private static readonly ResourcesJsonContext Indented = new(new JsonSerializerOptions(ResourcesJsonContext.Default.Options) { WriteIndented = true });

    /// <summary>A record, list or report of the unified model as JSON.</summary>
    /// <param name="value">
    /// A <see cref="Workload"/>, <see cref="Volume"/>, <see cref="Network"/>, <see cref="SecurityPolicy"/>, <see cref="Tenant"/>, a
    /// list of one of those, a <see cref="PlacementDecision"/>, a list of <see cref="ProviderDescription"/>, a
    /// <see cref="ReconcileReport"/> or a <see cref="ResourceChange"/>.
    /// </param>
    /// <param name="indented">Whether to indent for people.</param>
    /// <exception cref="ArgumentException">The value is none of those.</exception>
    public static string Serialize(object value, bool indented = false)
    {
        var context = indented ? Indented : ResourcesJsonContext.Default;
        return value switch
        {
            Workload workload => JsonSerializer.Serialize(workload, context.Workload),
            Volume volume => JsonSerializer.Serialize(volume, context.Volume),
            Network network => JsonSerializer.Serialize(network, context.Network),
            SecurityPolicy policy => JsonSerializer.Serialize(policy, context.SecurityPolicy),
            Tenant tenant => JsonSerializer.Serialize(tenant, context.Tenant),
            IReadOnlyList<Workload> workloads => JsonSerializer.Serialize(workloads, context.IReadOnlyListWorkload),
            IReadOnlyList<Volume> volumes => JsonSerializer.Serialize(volumes, context.IReadOnlyListVolume),
            IReadOnlyList<Network> networks => JsonSerializer.Serialize(networks, context.IReadOnlyListNetwork),
            IReadOnlyList<SecurityPolicy> policies => JsonSerializer.Serialize(policies, context.IReadOnlyListSecurityPolicy),
            IReadOnlyList<Tenant> tenants => JsonSerializer.Serialize(tenants, context.IReadOnlyListTenant),
            IReadOnlyList<ProviderDescription> providers => JsonSerializer.Serialize(providers, context.IReadOnlyListProviderDescription),
            PlacementDecision decision => JsonSerializer.Serialize(decision, context.PlacementDecision),
            ReconcileReport report => JsonSerializer.Serialize(report, context.ReconcileReport),
            ResourceChange change => JsonSerializer.Serialize(
                new ResourceChangeDocument(change.Revision, change.Kind, change.Key, change.Type, change.Reason, Element(Serialize(change.Resource))),
                context.ResourceChangeDocument),
            _ => throw new ArgumentException($"{value.GetType().Name} is not a record of the unified model", nameof(value)),
        };
    }

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

    /// <summary>Reads a workload.</summary>
    /// <param name="json">The JSON.</param>
    /// <exception cref="ResourceValidationException">The JSON is malformed or lacks a required field.</exception>
    public static Workload ReadWorkload(string json) => Read(json, ResourcesJsonContext.Default.Workload);

    /// <summary>Reads a list of workloads.</summary>
    /// <param name="json">The JSON.</param>
    /// <exception cref="ResourceValidationException">The JSON is malformed or lacks a required field.</exception>
    public static IReadOnlyList<Workload> ReadWorkloads(string json) => Read(json, ResourcesJsonContext.Default.IReadOnlyListWorkload);

    /// <summary>Reads a list of provider descriptions.</summary>
    /// <param name="json">The JSON.</param>
    /// <exception cref="ResourceValidationException">The JSON is malformed or lacks a required field.</exception>
    public static IReadOnlyList<ProviderDescription> ReadProviders(string json) => Read(json, ResourcesJsonContext.Default.IReadOnlyListProviderDescription);

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static T Read<T>(string json, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw new ResourceValidationException("$", "null is not a value here");
        }
        catch (JsonException exception)
        {
            throw new ResourceValidationException(exception.Path ?? "$", exception.Message);
        }
    }
}
