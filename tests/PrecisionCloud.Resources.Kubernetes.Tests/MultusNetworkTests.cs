using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Kubernetes.Tests.Fake;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources.Kubernetes.Tests;

/// <summary>Secondary networks through Multus: a NetworkAttachmentDefinition per network, each replica a Deployment of one pod with its addresses.</summary>
public sealed class MultusNetworkTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Without_multus_networks_are_missing_and_with_it_each_replica_gets_its_assigned_address()
    {
        await using var plain = await ClusterUnderTest.StartAsync(fakeOnly: true);
        var without = await plain.Provider.DiscoverAsync(None);
        Assert.False(without.Networks);
        Assert.Contains(without.Missing, m => m.Feature == "Networks" && m.Reason.Contains("Multus", StringComparison.Ordinal));

        await using var cluster = await ClusterUnderTest.StartAsync(fakeOnly: true, multus: true);
        var directory = Directory.CreateTempSubdirectory("pc-k8s-net-");
        try
        {
            using var manager = new ResourceManager([cluster.Provider], Options.Create(new ResourceOptions { DatabasePath = Path.Combine(directory.FullName, "r.db") }), NullLogger<ResourceManager>.Instance);
            await manager.StartAsync(None);
            await manager.ApplyTenantAsync(new TenantSpec { Name = "acme" }, None);
            await manager.ApplyNetworkAsync(new NetworkSpec { Tenant = "acme", Name = "radio", Subnets = [new SubnetSpec("10.50.0.0/24")] }, None);
            var spec = new WorkloadSpec
            {
                Tenant = "acme",
                Name = "upf",
                Image = new WorkloadImage("upf:1"),
                Replicas = 2,
                Resources = new WorkloadResources { VCpus = 1, MemoryMiB = 512 },
                Networks = [new NetworkAttachment("radio")],
            };
            await manager.ApplyWorkloadAsync(spec, None);
            await Reconciling.UntilAsync(manager, () => manager.GetWorkload("acme", "upf")!.Status.Phase == WorkloadPhase.Running);

            var ns = cluster.NamespacePrefix + "acme";
            var nad = cluster.Fake!.Get("k8s.cni.cncf.io/v1/network-attachment-definitions", ns, "pc-net-radio")!;
            var config = JsonNode.Parse(nad["spec"]!["config"]!.GetValue<string>())!;
            Assert.Equal(("bridge", "static"), (config["type"]!.GetValue<string>(), config["ipam"]!["type"]!.GetValue<string>()));
            Assert.Equal(["10.50.0.2/24", "10.50.0.3/24"], new[] { "upf-0", "upf-1" }.Select(name => Address(cluster, ns, name)));
            Assert.Equal(2, manager.GetWorkload("acme", "upf")!.Status.ReadyReplicas);

            await manager.ApplyWorkloadAsync(spec with { Replicas = 1 }, None);
            await Reconciling.UntilAsync(manager, () => cluster.Fake.Get("apps/v1/deployments", ns, "upf-1") is null);
            await manager.ApplyWorkloadAsync(spec with { Replicas = 1, Networks = [] }, None);
            await Reconciling.UntilAsync(manager, () => cluster.Fake.Get("apps/v1/deployments", ns, "upf") is not null && cluster.Fake.Get("apps/v1/deployments", ns, "upf-0") is null);
            await Reconciling.UntilAsync(manager, () => manager.GetWorkload("acme", "upf")!.Status.Phase == WorkloadPhase.Running);

            await manager.DeleteWorkloadAsync("acme", "upf", None);
            await Reconciling.UntilAsync(manager, () => manager.ListWorkloads().Count == 0);
            await manager.DeleteNetworkAsync("acme", "radio", None);
            await Reconciling.UntilAsync(manager, () => manager.ListNetworks().Count == 0);
            Assert.Empty(cluster.Fake.List("k8s.cni.cncf.io/v1/network-attachment-definitions"));
            Assert.Empty(cluster.Fake.List("apps/v1/deployments"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Address(ClusterUnderTest cluster, string ns, string deployment)
    {
        var annotation = cluster.Fake!.Get("apps/v1/deployments", ns, deployment)!["spec"]!["template"]!["metadata"]!["annotations"]!["k8s.v1.cni.cncf.io/networks"]!.GetValue<string>();
        var selection = JsonNode.Parse(annotation)!.AsArray().Single()!;
        Assert.Equal(("pc-net-radio", "net1"), (selection["name"]!.GetValue<string>(), selection["interface"]!.GetValue<string>()));
        return selection["ips"]![0]!.GetValue<string>();
    }
}
