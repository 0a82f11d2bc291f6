using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrecisionCloud.Resources.Kubernetes.Tests.Fake;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources.Kubernetes.Tests;

/// <summary>Providers sharing a cluster keep to their own objects.</summary>
public sealed class OwnershipTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_provider_sees_only_its_own_objects_and_never_takes_over_a_foreign_one()
    {
        await using var cluster = await ClusterUnderTest.StartAsync(fakeOnly: true);
        await using var other = new KubernetesProvider(
            Options.Create(new KubernetesProviderOptions { Host = cluster.Fake!.Address.ToString().TrimEnd('/'), Name = "other-site", NamespacePrefix = "xx-" }),
            NullLogger<KubernetesProvider>.Instance);
        await KubernetesProviderTests.TenantAsync(cluster);
        await other.ApplyTenantAsync(new ResourceDeployment<TenantSpec>("o-uid", new TenantSpec { Name = "acme" }, "oh"), None);
        await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = cluster.NamespacePrefix + "foreign" } });

        var mine = await cluster.Provider.ListTenantsAsync(None);
        var theirs = await other.ListTenantsAsync(None);
        var refused = await Assert.ThrowsAsync<KubernetesApiException>(() =>
            cluster.Provider.ApplyTenantAsync(new ResourceDeployment<TenantSpec>("f-uid", new TenantSpec { Name = "foreign" }, "fh"), None));

        Assert.Equal(["t-uid"], mine.Select(t => t.Uid));
        Assert.Equal(["o-uid"], theirs.Select(t => t.Uid));
        Assert.Equal(409, refused.StatusCode);
        Assert.Null(KubernetesLabels.Get((await cluster.Client.CoreV1.ReadNamespaceAsync(cluster.NamespacePrefix + "foreign")).Metadata.Labels, KubernetesLabels.Uid));
    }

    [Fact]
    public async Task A_foreign_custom_object_is_not_taken_over_either()
    {
        await using var cluster = await ClusterUnderTest.StartAsync(fakeOnly: true, multus: true);
        await KubernetesProviderTests.TenantAsync(cluster);
        var ns = cluster.NamespacePrefix + "acme";
        var foreign = new Dictionary<string, object>
        {
            ["apiVersion"] = "k8s.cni.cncf.io/v1",
            ["kind"] = "NetworkAttachmentDefinition",
            ["metadata"] = new Dictionary<string, object> { ["name"] = "pc-net-lan", ["namespace"] = ns },
            ["spec"] = new Dictionary<string, object> { ["config"] = "{}" },
        };
        await cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(foreign, "k8s.cni.cncf.io", "v1", ns, "network-attachment-definitions");
        var network = new Networking.NetworkSpec { Tenant = "acme", Name = "lan", Subnets = [new Networking.SubnetSpec("10.7.0.0/24")] };

        var refused = await Assert.ThrowsAsync<KubernetesApiException>(() => cluster.Provider.ApplyNetworkAsync(new ResourceDeployment<Networking.NetworkSpec>("n-uid", network, "nh"), None));

        Assert.Equal(409, refused.StatusCode);
        Assert.Equal("{}", cluster.Fake!.Get("k8s.cni.cncf.io/v1/network-attachment-definitions", ns, "pc-net-lan")!["spec"]!["config"]!.GetValue<string>());
    }
}
