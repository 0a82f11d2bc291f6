namespace PrecisionCloud.Resources.OpenStack.Tests.ControlPlane;

/// <summary>Runs reconcile passes until a condition holds, as the hosted reconciler would; fails with the resources' events.</summary>
internal static class Reconciling
{
    public static async Task UntilAsync(ResourceManager manager, Func<bool> condition, int passes = 60)
    {
        for (var attempt = 0; attempt < passes && !condition(); attempt++)
        {
            await manager.ReconcileAsync(CancellationToken.None);
            await Task.Delay(250);
        }

        Assert.True(condition(), string.Join(" | ", manager.ListWorkloads().SelectMany(w => w.Status.Events).Concat(manager.ListVolumes().SelectMany(v => v.Status.Events))
            .Concat(manager.ListNetworks().SelectMany(n => n.Status.Events)).Concat(manager.ListTenants().SelectMany(t => t.Status.Events)).Select(e => e.Message)));
    }
}
