using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Reconciliation;
using PrecisionCloud.Resources.Tenancy;
using PrecisionCloud.Resources.Tests.Fakes;

namespace PrecisionCloud.Resources.Tests;

public sealed class ResourceManagerPropertyTests
{
    private static readonly TenantQuota Quota = new() { VCpus = 6, MemoryMiB = 6144, Instances = 8 };

    // Four clients create and delete workloads at random while the reconciler runs: the tenant's usage is never
    // below zero or over a limit, and at the end equals exactly what the remaining workloads need.
    [FsCheck.Xunit.Property(MaxTest = 12)]
    public void Quotas_never_go_negative_or_over_the_limit_under_concurrent_create_and_delete(FsCheck.PositiveInt seed)
    {
        using var site = new TestSite(nodes: 3);
        var manager = site.StartWithTenantAsync(Quota).GetAwaiter().GetResult();
        var limits = Quota.ToLimits() with { Networks = long.MaxValue };
        var violations = 0;
        using var stop = new CancellationTokenSource();
        var reconciler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await manager.ReconcileAsync(CancellationToken.None);
            }
        });
        Parallel.For(0, 4, worker =>
        {
            var random = new Random(seed.Get * 31 + worker);
            for (var step = 0; step < 40; step++)
            {
                var name = $"w{random.Next(12)}";
                try
                {
                    if (random.Next(3) == 0)
                    {
                        manager.DeleteWorkloadAsync("t1", name, CancellationToken.None).GetAwaiter().GetResult();
                    }
                    else
                    {
                        manager.ApplyWorkloadAsync(TestSite.Container("t1", name, vcpus: random.Next(1, 5) / 2.0, memoryMiB: random.Next(1, 5) * 256, replicas: random.Next(1, 3)), CancellationToken.None).GetAwaiter().GetResult();
                    }
                }
                catch (ResourceException)
                {
                }

                var usage = manager.GetTenant("t1")!.Usage;
                if (usage.AnyNegative || usage.FirstOver(limits) is not null)
                {
                    Interlocked.Increment(ref violations);
                }
            }
        });
        stop.Cancel();
        reconciler.GetAwaiter().GetResult();
        manager.ReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();

        var held = manager.ListWorkloads("t1").Aggregate(ResourceQuantities.Zero, (sum, w) => sum + ResourceManager.QuotaDemand(w.Spec));
        Assert.Equal(0, violations);
        Assert.Equal(held with { Networks = 1 }, manager.GetTenant("t1")!.Usage);
        Assert.Equal(manager.ListWorkloads().Select(w => w.Uid).Order(), site.Provider.Workloads.Keys.Order());
    }

    // Whatever was applied, deleted, exited or tampered with: after one pass, a second pass does nothing at all.
    [FsCheck.Xunit.Property(MaxTest = 25)]
    public void Reconcile_is_idempotent(FsCheck.PositiveInt seed)
    {
        var random = new Random(seed.Get);

        // Backoffs long enough that none ends between the two passes: one that did would rightly make the second act
        // (a loaded machine once took longer than the 10 ms the other tests use).
        using var site = new TestSite(nodes: 4, configure: o => (o.RetryInitialDelay, o.RetryMaxDelay) = (TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)));
        var manager = site.StartWithTenantAsync().GetAwaiter().GetResult();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < random.Next(1, 10); i++)
            {
                var spec = TestSite.Container("t1", $"w{random.Next(15)}", vcpus: 0.5, replicas: random.Next(1, 3), networks: "net") with
                {
                    RestartPolicy = (RestartPolicy)random.Next(3),
                };
                try
                {
                    var change = random.Next(4) == 0
                        ? manager.DeleteWorkloadAsync("t1", spec.Name, CancellationToken.None)
                        : manager.ApplyWorkloadAsync(spec, CancellationToken.None);
                    change.GetAwaiter().GetResult();
                }
                catch (ResourceException)
                {
                }
            }

            foreach (var (uid, _) in site.Provider.Workloads)
            {
                switch (random.Next(6))
                {
                    case 0:
                        site.Provider.RemoveBehindBack(uid);
                        break;
                    case 1:
                        site.Provider.ChangeBehindBack(uid);
                        break;
                    case 2:
                        site.Provider.Exit(uid, random.Next(2));
                        break;
                }
            }

            if (random.Next(3) == 0)
            {
                site.Provider.AddStray($"stray{round}");
            }

            manager.ReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();
            var revision = manager.Revision;
            var calls = site.Provider.Calls;

            var second = manager.ReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();

            // A crash-looping workload may still be waiting for its backoff: waiting is not a change.
            Assert.Equal(new ReconcileReport { Unchanged = second.Unchanged, Waiting = second.Waiting }, second);
            Assert.Equal(revision, manager.Revision);
            Assert.Equal(calls, site.Provider.Calls);
        }
    }
}
