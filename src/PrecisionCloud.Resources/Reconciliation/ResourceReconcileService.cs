using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PrecisionCloud.Resources.Reconciliation;

/// <summary>
/// Starts the resource manager with the host and reconciles: at once after every change, at the resync interval
/// to find drift, and when a retry or restart falls due. Reads the providers' nodes again at the refresh interval.
/// </summary>
internal sealed partial class ResourceReconcileService(ResourceManager manager, ILogger<ResourceReconcileService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Started before the host answers requests, so the API never sees an empty model.
        await manager.StartAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = manager.Options;
        var time = manager.Time;
        var nextRefresh = time.GetUtcNow() + options.NodeRefreshInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= nextRefresh)
                {
                    await manager.RefreshNodesAsync(stoppingToken).ConfigureAwait(false);
                    nextRefresh = time.GetUtcNow() + options.NodeRefreshInterval;
                }

                var report = await manager.ReconcileAsync(stoppingToken).ConfigureAwait(false);
                if (report.Created + report.Updated + report.Deleted + report.DriftRepaired + report.Restarted + report.OrphansDeleted + report.Failed > 0)
                {
                    LogPass(logger, report.Created, report.Updated, report.Deleted, report.DriftRepaired, report.Restarted, report.OrphansDeleted, report.Failed, report.Unchanged);
                }

                var wait = options.ResyncInterval;
                if (manager.NextDue() is { } due)
                {
                    var untilDue = due - time.GetUtcNow();
                    wait = untilDue < TimeSpan.Zero ? TimeSpan.FromMilliseconds(10) : untilDue < wait ? untilDue : wait;
                }

                await manager.WaitForChangeAsync(wait, stoppingToken).ConfigureAwait(false);

                // Let a burst of changes land before the next pass.
                await Task.Delay(TimeSpan.FromMilliseconds(20), time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPassFailed(logger, exception);
                await Task.Delay(options.RetryInitialDelay, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information,
        Message = "Reconciled: {Created} created, {Updated} updated, {Deleted} deleted, {Drift} drift repaired, {Restarted} restarted, {Orphans} orphans deleted, {Failed} failed, {Unchanged} unchanged")]
    private static partial void LogPass(ILogger logger, int created, int updated, int deleted, int drift, int restarted, int orphans, int failed, int unchanged);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "A reconcile pass failed; the next one starts shortly")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
