using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Placement;
using PrecisionCloud.Resources.Storage;
using PrecisionCloud.Resources.Tenancy;
using PrecisionCloud.Resources.Tests.Fakes;

namespace PrecisionCloud.Resources.Tests;

public sealed class ResourceManagerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_workload_is_placed_addressed_run_and_reported()
    {
        using var site = new TestSite();
        var manager = await site.StartWithTenantAsync();

        var applied = await manager.ApplyWorkloadAsync(TestSite.Container("t1", "web", replicas: 2, networks: "net"), None);
        var report = await manager.ReconcileAsync(None);
        var workload = manager.GetWorkload("t1", "web")!;

        Assert.Equal(WorkloadPhase.Pending, applied.Status.Phase);
        Assert.Equal(WorkloadKind.Container, applied.Status.Kind);
        Assert.Equal(["10.1.0.2", "10.1.0.3"], applied.Status.Addresses["net"]);
        Assert.Equal(3, report.Created);
        Assert.Equal(WorkloadPhase.Running, workload.Status.Phase);
        Assert.Equal(2, workload.Status.ReadyReplicas);
        Assert.Equal(workload.DesiredHash, workload.Status.AppliedHash);
        Assert.Equal(["Placed", "Created", "Running"], workload.Status.Events.Select(e => e.Reason));
        var deployment = site.Provider.Deployments[workload.Uid];
        Assert.Equal(("10.1.0.0/24", "10.1.0.1", 24), (deployment.Networks[0].Subnet, deployment.Networks[0].Gateway, deployment.Networks[0].PrefixLength));
        Assert.Equal(1, site.Provider.TenantCount);
        Assert.Equal(1, site.Provider.NetworkCount);
    }

    [Fact]
    public async Task Applying_the_same_spec_again_changes_nothing_and_a_change_keeps_the_node()
    {
        using var site = new TestSite(nodes: 3);
        var manager = await site.StartWithTenantAsync();
        var spec = TestSite.Container("t1", "app");
        var first = await manager.ApplyWorkloadAsync(spec, None);
        await manager.ReconcileAsync(None);
        var revision = manager.Revision;

        var again = await manager.ApplyWorkloadAsync(spec with { Command = [] }, None);
        var changed = await manager.ApplyWorkloadAsync(spec with { Environment = new Dictionary<string, string> { ["MODE"] = "fast" } }, None);
        var report = await manager.ReconcileAsync(None);

        Assert.Equal(1, again.Generation);
        Assert.Equal(revision + 1, changed.Status.Events.Count > 0 ? manager.Revision - 1 : 0);
        Assert.Equal(2, changed.Generation);
        Assert.Equal(first.Status.Node, changed.Status.Node);
        Assert.Equal(1, report.Updated);
        Assert.Equal("fast", site.Provider.Deployments[first.Uid].Spec.Environment["MODE"]);
    }

    [Fact]
    public async Task Over_quota_is_a_typed_error_and_leaves_everything_as_it_was()
    {
        using var site = new TestSite();
        var manager = await site.StartWithTenantAsync(new TenantQuota { VCpus = 2, Instances = 3 });
        await manager.ApplyWorkloadAsync(TestSite.Container("t1", "a", vcpus: 1.5), None);
        var usage = manager.GetTenant("t1")!.Usage;
        var revision = manager.Revision;

        var refused = await Assert.ThrowsAsync<QuotaExceededException>(() => manager.ApplyWorkloadAsync(TestSite.Container("t1", "b", vcpus: 1), None));

        Assert.Equal((QuotaResource.MilliCpus, 2000, 1500, 1000), (refused.Resource, refused.Limit, refused.InUse, refused.Requested));
        Assert.Equal(usage, manager.GetTenant("t1")!.Usage);
        Assert.Equal(revision, manager.Revision);
        Assert.Null(manager.GetWorkload("t1", "b"));
    }

    [Fact]
    public async Task A_workload_nothing_can_take_is_refused_with_the_reasons_and_nothing_is_counted()
    {
        using var site = new TestSite(nodes: 2);
        var manager = await site.StartWithTenantAsync();

        var refused = await Assert.ThrowsAsync<PlacementFailedException>(() => manager.ApplyWorkloadAsync(TestSite.Container("t1", "huge", vcpus: 64), None));

        Assert.Equal(2, refused.Decision.Rejections.Count);
        Assert.All(refused.Decision.Rejections, r => Assert.Equal(RejectionReason.InsufficientCpu, r.Reason));
        Assert.Equal(ResourceQuantities.Zero with { Networks = 1 }, manager.GetTenant("t1")!.Usage);
    }

    [Fact]
    public async Task Drift_behind_our_back_is_detected_and_repaired()
    {
        using var site = new TestSite();
        var manager = await site.StartWithTenantAsync();
        var uid = (await manager.ApplyWorkloadAsync(TestSite.Container("t1", "svc"), None)).Uid;
        await manager.ReconcileAsync(None);

        site.Provider.RemoveBehindBack(uid);
        var afterDelete = await manager.ReconcileAsync(None);
        site.Provider.ChangeBehindBack(uid);
        var afterChange = await manager.ReconcileAsync(None);
        site.Provider.AddStray("stray-uid");
        var afterStray = await manager.ReconcileAsync(None);

        Assert.Equal(1, afterDelete.DriftRepaired);
        Assert.Equal(1, afterChange.DriftRepaired);
        Assert.Equal(1, afterStray.OrphansDeleted);
        Assert.DoesNotContain("stray-uid", site.Provider.Workloads.Keys);
        var events = manager.GetWorkload("t1", "svc")!.Status.Events.Select(e => e.Message).ToArray();
        Assert.Contains("deleted behind our back on 'mem'; created again", events);
        Assert.Contains("changed behind our back on 'mem'; applied again", events);
        Assert.Equal(site.Provider.Workloads[uid].SpecHash, manager.GetWorkload("t1", "svc")!.DesiredHash);
    }

    [Theory]
    [InlineData(RestartPolicy.Always, 0, WorkloadPhase.Running, 1)]
    [InlineData(RestartPolicy.OnFailure, 3, WorkloadPhase.Running, 1)]
    [InlineData(RestartPolicy.OnFailure, 0, WorkloadPhase.Succeeded, 0)]
    [InlineData(RestartPolicy.Never, 3, WorkloadPhase.Failed, 0)]
    public async Task An_exited_workload_follows_its_restart_policy(RestartPolicy policy, int exitCode, WorkloadPhase phase, int restarts)
    {
        using var site = new TestSite();
        var manager = await site.StartWithTenantAsync();
        var uid = (await manager.ApplyWorkloadAsync(TestSite.Container("t1", "job") with { RestartPolicy = policy }, None)).Uid;
        await manager.ReconcileAsync(None);

        site.Provider.Exit(uid, exitCode);
        var report = await manager.ReconcileAsync(None);
        var workload = manager.GetWorkload("t1", "job")!;

        Assert.Equal(restarts, report.Restarted);
        Assert.Equal(phase, workload.Status.Phase);
        Assert.Equal(restarts, workload.Status.Restarts);
        if (restarts == 0)
        {
            Assert.Equal(exitCode, workload.Status.ExitCode);
            Assert.Equal(0, (await manager.ReconcileAsync(None)).Restarted);
        }
    }

    [Fact]
    public async Task A_crash_loop_backs_off()
    {
        using var site = new TestSite(configure: o => o.RetryInitialDelay = o.RetryMaxDelay = TimeSpan.FromMinutes(1));
        var manager = await site.StartWithTenantAsync();
        var uid = (await manager.ApplyWorkloadAsync(TestSite.Container("t1", "crashy"), None)).Uid;
        await manager.ReconcileAsync(None);

        site.Provider.Exit(uid, 1);
        var first = await manager.ReconcileAsync(None);
        site.Provider.Exit(uid, 1);
        var second = await manager.ReconcileAsync(None);

        Assert.Equal(1, first.Restarted);
        Assert.Equal((0, 1), (second.Restarted, second.Waiting));
        Assert.Equal(WorkloadPhase.Running, manager.GetWorkload("t1", "crashy")!.Status.Phase);
    }

    [Fact]
    public async Task A_failing_backend_is_retried_with_backoff_and_reported_in_the_conditions()
    {
        using var site = new TestSite(configure: o => o.RetryInitialDelay = o.RetryMaxDelay = TimeSpan.FromMinutes(1));
        var manager = await site.StartWithTenantAsync();
        await manager.ReconcileAsync(None);
        site.Provider.FailWith = new InvalidOperationException("backend down");
        await manager.ApplyWorkloadAsync(TestSite.Container("t1", "w"), None);

        var failed = await manager.ReconcileAsync(None);
        var waiting = await manager.ReconcileAsync(None);

        Assert.Equal(1, failed.Failed);
        Assert.Equal(1, waiting.Waiting);
        var condition = manager.GetWorkload("t1", "w")!.Status.Conditions.Single(c => c.Type == "Provisioned");
        Assert.Equal((false, "BackendError"), (condition.Status, condition.Reason));
    }

    [Fact]
    public async Task Reconciling_twice_changes_nothing_the_second_time()
    {
        using var site = new TestSite(nodes: 4);
        var manager = await site.StartWithTenantAsync();
        await manager.ApplyVolumeAsync(new VolumeSpec { Tenant = "t1", Name = "data", SizeGiB = 5 }, None);
        await manager.ApplySecurityPolicyAsync(new SecurityPolicySpec { Tenant = "t1", Name = "web", Rules = [new SecurityRule { Protocol = SecurityRuleProtocol.Tcp, PortFrom = 80 }] }, None);
        for (var i = 0; i < 20; i++)
        {
            await manager.ApplyWorkloadAsync(TestSite.Container("t1", $"w{i}", vcpus: 0.5, networks: "net") with { SecurityPolicies = ["web"] }, None);
        }

        await manager.ApplyWorkloadAsync(TestSite.Container("t1", "db") with { Volumes = [new VolumeMount("data", "/data")] }, None);
        await manager.ReconcileAsync(None);
        await manager.ReconcileAsync(None);
        var revision = manager.Revision;
        var calls = site.Provider.Calls;

        var again = await manager.ReconcileAsync(None);

        Assert.Equal(new Reconciliation.ReconcileReport { Unchanged = 21 + 1 + 1 + 1 + 1 }, again);
        Assert.Equal(revision, manager.Revision);
        Assert.Equal(calls, site.Provider.Calls);
    }

    [Fact]
    public async Task A_restart_resumes_without_duplicating_anything()
    {
        using var site = new TestSite();
        var manager = await site.StartWithTenantAsync(new TenantQuota { Instances = 3 });
        await manager.ApplyWorkloadAsync(TestSite.Container("t1", "a", replicas: 2, networks: "net"), None);
        await manager.ReconcileAsync(None);
        await manager.ApplyWorkloadAsync(TestSite.Container("t1", "b", networks: "net"), None);

        manager = await site.RestartAsync();
        var report = await manager.ReconcileAsync(None);

        Assert.Equal(1, report.Created);
        Assert.Equal(2, site.Provider.Workloads.Count);
        Assert.Equal(3, manager.GetTenant("t1")!.Usage.Instances);
        await Assert.ThrowsAsync<QuotaExceededException>(() => manager.ApplyWorkloadAsync(TestSite.Container("t1", "c"), None));
        var c = await manager.ApplyWorkloadAsync(TestSite.Container("t1", "b", networks: "net") with { Replicas = 1, Environment = new Dictionary<string, string> { ["X"] = "1" } }, None);
        Assert.Equal(["10.1.0.4"], c.Status.Addresses["net"]);
    }

    [Fact]
    public async Task Deletion_removes_from_the_backend_then_gives_the_quota_back()
    {
        using var site = new TestSite();
        var manager = await site.StartWithTenantAsync(new TenantQuota { Instances = 1 });
        await manager.ApplyWorkloadAsync(TestSite.Container("t1", "w", networks: "net"), None);
        await manager.ReconcileAsync(None);

        await Assert.ThrowsAsync<ResourceConflictException>(() => manager.DeleteNetworkAsync("t1", "net", None));
        await manager.DeleteWorkloadAsync("t1", "w", None);
        Assert.Equal(WorkloadPhase.Deleting, manager.GetWorkload("t1", "w")!.Status.Phase);
        await manager.ReconcileAsync(None);

        Assert.Null(manager.GetWorkload("t1", "w"));
        Assert.Empty(site.Provider.Workloads);
        Assert.Equal(ResourceQuantities.Zero with { Networks = 1 }, manager.GetTenant("t1")!.Usage);
        await manager.DeleteNetworkAsync("t1", "net", None);
        await manager.ReconcileAsync(None);
        await manager.DeleteTenantAsync("t1", None);
        await manager.ReconcileAsync(None);
        Assert.Empty(manager.ListTenants());
        Assert.Equal((0, 0), (site.Provider.NetworkCount, site.Provider.TenantCount));
    }

    [Fact]
    public async Task A_watch_resumes_from_a_revision_and_an_expired_one_is_refused()
    {
        using var site = new TestSite(configure: o => o.WatchHistory = 100);
        var manager = await site.StartWithTenantAsync();
        var from = manager.Revision;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await manager.ApplyWorkloadAsync(TestSite.Container("t1", "w"), None);
        var watch = manager.WatchAsync(from, cancel.Token).GetAsyncEnumerator(cancel.Token);
        var live = Task.Run(async () =>
        {
            await Task.Delay(100);
            await manager.ReconcileAsync(None);
        });

        var seen = new List<ResourceChange>();
        while (seen.Count < 2 && await watch.MoveNextAsync())
        {
            if (watch.Current.Kind == ResourceKind.Workload)
            {
                seen.Add(watch.Current);
            }
        }

        await live;
        Assert.Equal(["Placed", "Created"], seen.Select(c => c.Reason));
        Assert.Equal(WorkloadPhase.Running, ((Workload)seen[1].Resource).Status.Phase);
        Assert.Equal(seen.Select(c => c.Revision).Order(), seen.Select(c => c.Revision));
        Assert.IsType<Workload>(seen[0].Resource);
        await watch.DisposeAsync();

        for (var i = 0; i < 1100; i++)
        {
            await manager.ApplyTenantAsync(new TenantSpec { Name = "t2", Quota = new TenantQuota { Instances = i } }, None);
        }

        await Assert.ThrowsAsync<ResourceWatchExpiredException>(async () =>
        {
            await foreach (var change in manager.WatchAsync(from, cancel.Token))
            {
                _ = change;
            }
        });
    }

    [Fact]
    public async Task Volumes_go_to_a_provider_that_holds_their_kind_and_bind_their_workloads_there()
    {
        using var site = new TestSite();
        var manager = await site.StartWithTenantAsync(new TenantQuota { Volumes = 1, StorageGiB = 10 });

        var volume = await manager.ApplyVolumeAsync(new VolumeSpec { Tenant = "t1", Name = "data", SizeGiB = 8 }, None);
        await Assert.ThrowsAsync<ResourceValidationException>(() => manager.ApplyVolumeAsync(new VolumeSpec { Tenant = "t1", Name = "bucket", Kind = VolumeKind.ObjectStorage }, None));
        await Assert.ThrowsAsync<QuotaExceededException>(() => manager.ApplyVolumeAsync(new VolumeSpec { Tenant = "t1", Name = "more" }, None));
        await Assert.ThrowsAsync<ResourceConflictException>(() => manager.ApplyVolumeAsync(volume.Spec with { SizeGiB = 4 }, None));
        await manager.ApplyWorkloadAsync(TestSite.Container("t1", "db") with { Volumes = [new VolumeMount("data", "/var/lib/db")] }, None);
        await Assert.ThrowsAsync<ResourceConflictException>(() => manager.ApplyWorkloadAsync(TestSite.Container("t1", "db2") with { Volumes = [new VolumeMount("data", "/x")] }, None));
        await manager.ReconcileAsync(None);

        var db = manager.GetWorkload("t1", "db")!;
        Assert.Equal(WorkloadPhase.Running, db.Status.Phase);
        Assert.Equal("vol-" + volume.Uid, site.Provider.Deployments[db.Uid].Volumes[0].BackendId);
        Assert.Equal(["t1/db"], manager.GetVolume("t1", "data")!.Status.AttachedTo);
        await Assert.ThrowsAsync<ResourceConflictException>(() => manager.DeleteVolumeAsync("t1", "data", None));
    }

    [Fact]
    public async Task Fixed_addresses_are_checked_and_kept()
    {
        using var site = new TestSite();
        var manager = await site.StartWithTenantAsync();
        var spec = TestSite.Container("t1", "gw") with { Networks = [new NetworkAttachment("net", "10.1.0.50")] };

        var applied = await manager.ApplyWorkloadAsync(spec, None);
        await Assert.ThrowsAsync<ResourceConflictException>(() => manager.ApplyWorkloadAsync(spec with { Name = "gw2" }, None));
        await Assert.ThrowsAsync<ResourceValidationException>(() => manager.ApplyWorkloadAsync(spec with { Name = "gw3", Networks = [new NetworkAttachment("net", "10.1.0.1")] }, None));
        await Assert.ThrowsAsync<ResourceValidationException>(() => manager.ApplyWorkloadAsync(spec with { Name = "gw4", Networks = [new NetworkAttachment("net", "10.9.0.5")] }, None));
        var again = await manager.ApplyWorkloadAsync(spec with { Environment = new Dictionary<string, string> { ["A"] = "b" } }, None);

        Assert.Equal(["10.1.0.50"], applied.Status.Addresses["net"]);
        Assert.Equal(["10.1.0.50"], again.Status.Addresses["net"]);
    }

    [Theory]
    [InlineData("Bad_Name", "name")]
    [InlineData("ok", "resources.vCpus")]
    public async Task Invalid_specs_name_the_field(string name, string field)
    {
        using var site = new TestSite();
        var manager = await site.StartWithTenantAsync();
        var spec = TestSite.Container("t1", name) with { Resources = new WorkloadResources { VCpus = name == "ok" ? 0 : 1 } };

        var refused = await Assert.ThrowsAsync<ResourceValidationException>(() => manager.ApplyWorkloadAsync(spec, None));

        Assert.Equal(field, refused.Field);
    }
}
