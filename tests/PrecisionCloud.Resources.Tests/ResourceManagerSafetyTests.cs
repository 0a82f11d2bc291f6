using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Tenancy;
using PrecisionCloud.Resources.Tests.Fakes;

namespace PrecisionCloud.Resources.Tests;

public sealed class ResourceManagerSafetyTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Passes_started_together_run_one_after_another_and_delete_nothing_applied_meanwhile()
    {
        using var site = new TestSite(nodes: 4);
        var manager = await site.StartWithTenantAsync();
        var passes = new List<Task<Reconciliation.ReconcileReport>>();
        for (var i = 0; i < 20; i++)
        {
            await manager.ApplyWorkloadAsync(TestSite.Container("t1", $"w{i}", vcpus: 0.25), None);
            passes.Add(Task.Run(() => manager.ReconcileAsync(None)));
        }

        var reports = await Task.WhenAll(passes);
        await manager.ReconcileAsync(None);

        Assert.Equal(0, reports.Sum(r => r.OrphansDeleted));
        Assert.Equal(20, site.Provider.Workloads.Count);
    }

    [Theory]
    [InlineData(1L << 40, 0.0, "resources")]
    [InlineData(256L, 1e300, "resources")]
    public async Task Quantities_that_would_overflow_are_refused(long memoryMiB, double nicGbps, string field)
    {
        using var site = new TestSite();
        var manager = await site.StartWithTenantAsync();
        var spec = TestSite.Container("t1", "huge", replicas: 4) with { Resources = new WorkloadResources { MemoryMiB = memoryMiB, NicThroughputGbps = nicGbps } };

        var refused = await Assert.ThrowsAsync<ResourceValidationException>(() => manager.ApplyWorkloadAsync(spec, None));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public async Task Anti_affinity_groups_belong_to_their_tenant()
    {
        using var site = new TestSite(nodes: 1);
        var manager = await site.StartWithTenantAsync();
        await manager.ApplyTenantAsync(new TenantSpec { Name = "t2" }, None);
        var first = TestSite.Container("t1", "db") with { Placement = new PlacementConstraints { AntiAffinityGroup = "db" } };

        await manager.ApplyWorkloadAsync(first, None);
        var other = await manager.ApplyWorkloadAsync(first with { Tenant = "t2" }, None);
        var refused = await Assert.ThrowsAsync<PlacementFailedException>(() => manager.ApplyWorkloadAsync(first with { Name = "db2" }, None));

        Assert.Equal("node-0", other.Status.Node);
        Assert.Equal(PrecisionCloud.Resources.Placement.RejectionReason.AntiAffinity, Assert.Single(refused.Decision.Rejections).Reason);
    }

    [Theory]
    [InlineData("10.0.0.0/8\n")]
    [InlineData(" 10.0.0.0/8")]
    [InlineData("10.1/16")]
    [InlineData("10.0.0.1/8")]
    [InlineData("10.0.0.0/+8")]
    public async Task Remote_prefixes_must_be_canonical(string cidr)
    {
        using var site = new TestSite();
        var manager = await site.StartWithTenantAsync();
        var policy = new SecurityPolicySpec { Tenant = "t1", Name = "p", Rules = [new SecurityRule { Protocol = SecurityRuleProtocol.Tcp, PortFrom = 22, RemoteCidr = cidr }] };

        var refused = await Assert.ThrowsAsync<ResourceValidationException>(() => manager.ApplySecurityPolicyAsync(policy, None));

        Assert.Equal("rules[0].remoteCidr", refused.Field);
    }

    [Fact]
    public async Task Changing_the_callers_spec_object_later_changes_nothing_stored()
    {
        using var site = new TestSite();
        var manager = await site.StartWithTenantAsync(new TenantQuota { Instances = 2 });
        var spec = TestSite.Container("t1", "w");
        await manager.ApplyWorkloadAsync(spec, None);

        spec.Replicas = 5;

        Assert.Equal(1, manager.GetWorkload("t1", "w")!.Spec.Replicas);
        Assert.Equal(1, manager.GetTenant("t1")!.Usage.Instances);
        await Assert.ThrowsAsync<QuotaExceededException>(() => manager.ApplyWorkloadAsync(spec, None));
    }
}
