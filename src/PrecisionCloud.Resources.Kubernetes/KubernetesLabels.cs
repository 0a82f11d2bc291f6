namespace PrecisionCloud.Resources.Kubernetes;

/// <summary>The labels and annotations the provider puts on what it creates, and finds it by.</summary>
internal static class KubernetesLabels
{
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "precisioncloud";
    public const string Uid = "precisioncloud.io/uid";
    public const string Workload = "precisioncloud.io/workload";
    public const string Replica = "precisioncloud.io/replica";
    public const string AntiAffinity = "precisioncloud.io/anti-affinity";
    public const string PolicyPrefix = "policy.precisioncloud.io/";
    public const string SpecHash = "precisioncloud.io/spec-hash";
    public const string Node = "precisioncloud.io/node";
    public const string Site = "precisioncloud.io/site";
    public const string Hostname = "kubernetes.io/hostname";
    public const string Owner = "precisioncloud.io/owner";

    public static string? Get(IDictionary<string, string>? map, string key) => map is not null && map.TryGetValue(key, out var value) ? value : null;

    /// <summary>The owner label's value for a provider: its name and namespace prefix, so providers sharing a cluster never take each other's objects.</summary>
    public static string OwnerOf(string provider, string prefix) =>
        "pc." + System.Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(provider + "\n" + prefix)))[..16];

    public static string Selector(string owner) => $"{ManagedBy}={ManagedByValue},{Owner}={owner}";

    public static Dictionary<string, string> Managed(string owner, string uid) => new(StringComparer.Ordinal) { [ManagedBy] = ManagedByValue, [Owner] = owner, [Uid] = uid };
}
