using Microsoft.Extensions.Logging.Abstractions;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Oci.Host;
using PrecisionCloud.Resources.Oci.Tests.Fixtures;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources.Oci.Tests;

/// <summary>The unified model end to end on this device: the resource manager placing and reconciling real containers.</summary>
[Collection(nameof(SharedContainerHost))]
public sealed class ResourceManagerOnOciTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_workload_runs_is_restarted_after_a_kill_recreated_after_removal_and_cleaned_up()
    {
        await using var host = new OciTestHost();
        var options = new ResourceOptions { DatabasePath = Path.Combine(host.Options.RootDirectory, "resources.db"), RetryInitialDelay = TimeSpan.FromMilliseconds(10) };
        using var manager = new ResourceManager([host.Provider], Microsoft.Extensions.Options.Options.Create(options), NullLogger<ResourceManager>.Instance);
        await manager.StartAsync(None);
        await manager.ApplyTenantAsync(new TenantSpec { Name = "t1", Quota = new TenantQuota { VCpus = 1, MemoryMiB = 512 } }, None);
        await manager.ApplyNetworkAsync(new NetworkSpec { Tenant = "t1", Name = "net", Subnets = [new SubnetSpec("10.79.0.0/24")] }, None);
        var spec = new WorkloadSpec
        {
            Tenant = "t1",
            Name = "svc",
            Image = new WorkloadImage("busybox:test"),
            Command = ["/bin/sh", "-c", "echo up; sleep 120"],
            Resources = new WorkloadResources { VCpus = 0.25, MemoryMiB = 32 },
            Networks = [new NetworkAttachment("net")],
        };

        var applied = await manager.ApplyWorkloadAsync(spec, None);
        await manager.ReconcileAsync(None);
        var running = await WaitAsync(manager, w => w.Status.Phase == WorkloadPhase.Running);
        Assert.Equal(("oci", "box-1", WorkloadKind.Container), (applied.Status.Provider, applied.Status.Node, applied.Status.Kind));
        Assert.Equal(["10.79.0.2"], running.Status.Addresses["net"]);
        Assert.StartsWith("placed on oci/box-1 (Container)", applied.Status.Placement!.Summary, StringComparison.Ordinal);

        // Killed behind our back: exits 137, and the policy (Always) restarts it.
        await HostCommand.CheckedAsync("runc", ["--root", host.Options.StateDirectory, "kill", $"pc-{applied.Uid}-0", "KILL"], None);
        await host.WaitForAsync(applied.Uid, Providers.ReplicaState.Exited);
        var restart = await manager.ReconcileAsync(None);
        var restarted = await WaitAsync(manager, w => w.Status.Phase == WorkloadPhase.Running && w.Status.Restarts == 1);
        Assert.Equal(1, restart.Restarted);
        Assert.Contains(restarted.Status.Events, e => e.Reason == "Restarted" && e.Message.StartsWith("replica 0 exited with code 137", StringComparison.Ordinal));

        // Removed behind our back: recreated as drift.
        await host.Provider.DeleteWorkloadAsync(applied.Uid, None);
        var repair = await manager.ReconcileAsync(None);
        await WaitAsync(manager, w => w.Status.Phase == WorkloadPhase.Running);
        Assert.Equal(1, repair.DriftRepaired);
        Assert.Equal("up\n", await host.Provider.ReadLogAsync(applied.Uid, 0, 100, None));

        // Over quota, typed, and the running workload untouched.
        await Assert.ThrowsAsync<QuotaExceededException>(() => manager.ApplyWorkloadAsync(spec with { Name = "big", Resources = new WorkloadResources { VCpus = 1 } }, None));

        await manager.DeleteWorkloadAsync("t1", "svc", None);
        await manager.ReconcileAsync(None);
        Assert.Empty(manager.ListWorkloads());
        Assert.Empty(await host.Provider.ListWorkloadsAsync(None));
        Assert.Equal(ResourceQuantities.Zero with { Networks = 1 }, manager.GetTenant("t1")!.Usage);
    }

    private static async Task<Workload> WaitAsync(ResourceManager manager, Func<Workload, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var workload = manager.GetWorkload("t1", "svc")!;
            if (condition(workload))
            {
                return workload;
            }

            Assert.True(DateTime.UtcNow < deadline, $"workload is {workload.Status.Phase}: {string.Join(" | ", workload.Status.Events.Select(e => e.Message))}");
            await Task.Delay(100);
            await manager.ReconcileAsync(None);
        }
    }
}
