using PrecisionCloud.Resources.Compute;

namespace PrecisionCloud.Resources.Kubernetes;

/// <summary>Options of the Kubernetes provider, bound from <c>PrecisionCloud:Resources:Kubernetes</c>.</summary>
public sealed class KubernetesProviderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "PrecisionCloud:Resources:Kubernetes";

    /// <summary>The provider's name in the site.</summary>
    public string Name { get; set; } = "kubernetes";

    /// <summary>
    /// The API server's address. When empty, the kubeconfig file (<see cref="KubeConfigPath"/>, else <c>$KUBECONFIG</c>
    /// or <c>~/.kube/config</c>) or, inside a pod, the in-cluster service account is used.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>A kubeconfig file to read; empty for the default places.</summary>
    public string? KubeConfigPath { get; set; }

    /// <summary>The kubeconfig context to use; empty for the current one.</summary>
    public string? Context { get; set; }

    /// <summary>The prefix of tenant namespaces (<c>pc-</c> makes tenant <c>acme</c> the namespace <c>pc-acme</c>).</summary>
    public string NamespacePrefix { get; set; } = "pc-";

    /// <summary>The site the cluster's nodes are at (a node's <c>precisioncloud.io/site</c> label overrides it).</summary>
    public string Site { get; set; } = "default";

    /// <summary>The strictest latency class the cluster's nodes serve.</summary>
    public LatencyClass LatencyClass { get; set; } = LatencyClass.Regional;

    /// <summary>How many times an update that meets a 409 Conflict is read again and retried, 0 to 20.</summary>
    public int ConflictRetries { get; set; } = 5;

    /// <summary>How long each API call may take, 1 s to 5 min.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
