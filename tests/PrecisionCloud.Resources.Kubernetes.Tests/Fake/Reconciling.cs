namespace PrecisionCloud.Resources.Kubernetes.Tests.Fake;

/// <summary>Runs reconcile passes until a condition holds, as the hosted reconciler would; fails with the workloads' events.</summary>
internal static class Reconciling
{
    public static async Task UntilAsync(ResourceManager manager, Func<bool> condition)
    {
        for (var attempt = 0; attempt < 100 && !condition(); attempt++)
        {
            await manager.ReconcileAsync(CancellationToken.None);
            await Task.Delay(50);
        }

        Assert.True(condition(), string.Join(" | ", manager.ListWorkloads().SelectMany(w => w.Status.Events).Select(e => e.Message)));
    }
}
