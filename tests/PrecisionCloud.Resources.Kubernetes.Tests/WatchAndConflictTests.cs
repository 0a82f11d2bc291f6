using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Kubernetes.Tests.Fake;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources.Kubernetes.Tests;

/// <summary>What only a controllable server can show: injected conflicts, compacted watch history, changes behind the provider's back.</summary>
public sealed class WatchAndConflictTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_update_that_meets_a_concurrent_writer_reads_again_and_retries()
    {
        await using var cluster = await FakeClusterAsync();
        await KubernetesProviderTests.TenantAsync(cluster);
        var deployment = KubernetesProviderTests.Deployment(cluster, "w-uid", "web");
        await cluster.Provider.ApplyWorkloadAsync(deployment, None);
        cluster.Fake!.ConflictsToInject = 2;

        var updated = await cluster.Provider.ApplyWorkloadAsync(deployment with { SpecHash = "sh2", Spec = deployment.Spec with { Replicas = 3 } }, None);

        Assert.Equal("sh2", updated.SpecHash);
        Assert.Equal(2, cluster.Fake.Conflicts);
        Assert.Equal(3, cluster.Fake.Get("apps/v1/deployments", cluster.NamespacePrefix + "acme", "web")!["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task Conflicts_beyond_the_retries_are_a_typed_error()
    {
        await using var cluster = await FakeClusterAsync(conflictRetries: 1);
        await KubernetesProviderTests.TenantAsync(cluster);
        var deployment = KubernetesProviderTests.Deployment(cluster, "w-uid", "web");
        await cluster.Provider.ApplyWorkloadAsync(deployment, None);
        cluster.Fake!.ConflictsToInject = 5;

        var refused = await Assert.ThrowsAsync<KubernetesApiException>(() => cluster.Provider.ApplyWorkloadAsync(deployment with { SpecHash = "sh2" }, None));

        Assert.Equal(409, refused.StatusCode);
    }

    [Fact]
    public async Task The_watch_sees_changes_behind_our_back_and_lists_again_when_its_version_is_gone()
    {
        await using var cluster = await FakeClusterAsync();
        await KubernetesProviderTests.TenantAsync(cluster);
        await cluster.Provider.ApplyWorkloadAsync(KubernetesProviderTests.Deployment(cluster, "w-uid", "web"), None);
        await KubernetesProviderTests.WaitForAsync(cluster.Provider, "w-uid", w => w.Replicas.All(r => r.State == ReplicaState.Running));
        var ns = cluster.NamespacePrefix + "acme";

        cluster.Fake!.ChangeBehindBack("apps/v1/deployments", ns, "web", d => d["metadata"]!["annotations"]!["precisioncloud.io/spec-hash"] = "edited");
        await KubernetesProviderTests.WaitForAsync(cluster.Provider, "w-uid", w => w.SpecHash == "edited");

        // History compacted and the stream ended: resuming from the last version gets 410 Gone, so the watch lists again.
        cluster.Fake.Compact();
        cluster.Fake.DeleteBehindBack("apps/v1/deployments", ns, "web");
        await WaitUntilAsync(() => cluster.Provider.WatchRelists >= 1, () => string.Join("\n", cluster.Fake.Requests));
        await WaitUntilAsync(() => cluster.Provider.ListWorkloadsAsync(None).GetAwaiter().GetResult().All(w => w.Uid != "w-uid"));
        Assert.Contains(cluster.Fake.Requests, r => r.Contains("watch=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_resource_manager_runs_a_tenant_end_to_end_repairs_a_deleted_deployment_and_leaves_nothing_behind()
    {
        await using var cluster = await FakeClusterAsync();
        var directory = Directory.CreateTempSubdirectory("pc-k8s-");
        try
        {
            using var manager = new ResourceManager([cluster.Provider], Options.Create(new ResourceOptions { DatabasePath = Path.Combine(directory.FullName, "r.db") }), NullLogger<ResourceManager>.Instance);
            await manager.StartAsync(None);
            await manager.ApplyTenantAsync(new TenantSpec { Name = "acme", Quota = new TenantQuota { VCpus = 4 } }, None);
            await manager.ApplyVolumeAsync(new Storage.VolumeSpec { Tenant = "acme", Name = "data", SizeGiB = 2 }, None);
            await manager.ApplySecurityPolicyAsync(new Networking.SecurityPolicySpec { Tenant = "acme", Name = "web", Rules = [new Networking.SecurityRule { Protocol = Networking.SecurityRuleProtocol.Tcp, PortFrom = 80 }] }, None);
            var spec = new WorkloadSpec
            {
                Tenant = "acme",
                Name = "web",
                Image = new WorkloadImage("nginx:1.27"),
                Replicas = 2,
                Resources = new WorkloadResources { VCpus = 1, MemoryMiB = 512 },
                SecurityPolicies = ["web"],
                Volumes = [new VolumeMount("data", "/usr/share/nginx/html", ReadOnly: false)],
                Placement = new PlacementConstraints { NodeLabels = new Dictionary<string, string> { ["zone"] = "b" } },
            };
            await Assert.ThrowsAsync<ResourceConflictException>(() => manager.ApplyWorkloadAsync(spec, None));
            spec = spec with { Replicas = 1 };

            var applied = await manager.ApplyWorkloadAsync(spec, None);
            await Reconciling.UntilAsync(manager, () => manager.GetWorkload("acme", "web")!.Status.Phase == WorkloadPhase.Running);

            Assert.Equal(("kubernetes", "node-b"), (applied.Status.Provider, applied.Status.Node));
            Assert.Contains(applied.Status.Placement!.Rejections, r => r.Node == "node-a" && r.Reason == Placement.RejectionReason.LabelMismatch);
            cluster.Fake!.DeleteBehindBack("apps/v1/deployments", cluster.NamespacePrefix + "acme", "web");
            await Reconciling.UntilAsync(manager, () => manager.GetWorkload("acme", "web")!.Status.Events.Any(e => e.Reason == "DriftRepaired"));
            Assert.NotNull(cluster.Fake.Get("apps/v1/deployments", cluster.NamespacePrefix + "acme", "web"));

            await manager.DeleteWorkloadAsync("acme", "web", None);
            await Reconciling.UntilAsync(manager, () => manager.ListWorkloads().Count == 0);
            await manager.DeleteVolumeAsync("acme", "data", None);
            await manager.DeleteSecurityPolicyAsync("acme", "web", None);
            await Reconciling.UntilAsync(manager, () => manager.ListVolumes().Count == 0 && manager.ListSecurityPolicies().Count == 0);
            await manager.DeleteTenantAsync("acme", None);
            await Reconciling.UntilAsync(manager, () => manager.ListTenants().Count == 0);

            foreach (var resource in new[] { "/v1/namespaces", "apps/v1/deployments", "/v1/persistentvolumeclaims", "networking.k8s.io/v1/networkpolicies", "/v1/resourcequotas" })
            {
                Assert.Empty(cluster.Fake.List(resource));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string>? describe = null)
    {
        for (var attempt = 0; attempt < 200 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), describe?.Invoke());
    }

    private static Task<ClusterUnderTest> FakeClusterAsync(int conflictRetries = 5) => ClusterUnderTest.StartAsync(fakeOnly: true, conflictRetries: conflictRetries);
}
