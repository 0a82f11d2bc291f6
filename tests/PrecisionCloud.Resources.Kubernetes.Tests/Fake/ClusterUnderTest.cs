using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace PrecisionCloud.Resources.Kubernetes.Tests.Fake;

/// <summary>
/// The cluster the contract tests run against: the in-process fake API server, or, when
/// <c>PRECISIONCLOUD_KUBERNETES_KUBECONFIG</c> names a kubeconfig file, the real cluster it points at (kind, k3s).
/// </summary>
public sealed class ClusterUnderTest : IAsyncDisposable
{
    public const string KubeConfigVariable = "PRECISIONCLOUD_KUBERNETES_KUBECONFIG";

    private ClusterUnderTest(FakeKubernetesApiServer? fake, IKubernetes client, KubernetesProvider provider, string prefix)
    {
        Fake = fake;
        Client = client;
        Provider = provider;
        NamespacePrefix = prefix;
    }

    /// <summary>The fake server, or <see langword="null"/> against a real cluster.</summary>
    public FakeKubernetesApiServer? Fake { get; }

    /// <summary>A client of its own, for acting behind the provider's back.</summary>
    public IKubernetes Client { get; }

    public KubernetesProvider Provider { get; }

    /// <summary>The namespace prefix of this test's tenants (unique per test against a real cluster).</summary>
    public string NamespacePrefix { get; }

    /// <summary>The node workloads are pinned to.</summary>
    public string NodeName { get; private set; } = "node-a";

    /// <summary>Starts the cluster: the real one when the variable names a kubeconfig (unless <paramref name="fakeOnly"/>), else the fake.</summary>
    public static async Task<ClusterUnderTest> StartAsync(bool kubeVirt = false, bool fakeOnly = false, int conflictRetries = 5, bool multus = false)
    {
        var prefix = "pc" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)) + "-";
        if (!fakeOnly && Environment.GetEnvironmentVariable(KubeConfigVariable) is { Length: > 0 } kubeConfig)
        {
            var options = new KubernetesProviderOptions { KubeConfigPath = kubeConfig, NamespacePrefix = prefix };
            var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeConfig));
            var cluster = new ClusterUnderTest(null, client, new KubernetesProvider(Options.Create(options), NullLogger<KubernetesProvider>.Instance), prefix);
            cluster.NodeName = (await client.CoreV1.ListNodeAsync()).Items[0].Metadata.Name;
            return cluster;
        }

        var fake = await FakeKubernetesApiServer.StartAsync();
        fake.KubeVirt = kubeVirt;
        fake.Multus = multus;
        fake.AddNode("node-a", cpu: 8, memoryMiB: 16384, new Dictionary<string, string> { ["zone"] = "a" });
        fake.AddNode("node-b", cpu: 4, memoryMiB: 8192, new Dictionary<string, string> { ["zone"] = "b" });
        var fakeOptions = new KubernetesProviderOptions { Host = fake.Address.ToString().TrimEnd('/'), NamespacePrefix = prefix, ConflictRetries = conflictRetries };
        var fakeClient = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = fakeOptions.Host });
        return new ClusterUnderTest(fake, fakeClient, new KubernetesProvider(Options.Create(fakeOptions), NullLogger<KubernetesProvider>.Instance), prefix);
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        if (Fake is null)
        {
            foreach (var ns in (await Client.CoreV1.ListNamespaceAsync()).Items.Where(n => n.Metadata.Name.StartsWith(NamespacePrefix, StringComparison.Ordinal)))
            {
                await Client.CoreV1.DeleteNamespaceAsync(ns.Metadata.Name);
            }
        }

        Client.Dispose();
        if (Fake is not null)
        {
            await Fake.DisposeAsync();
        }
    }
}
