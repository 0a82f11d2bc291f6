using System.Diagnostics.Metrics;

namespace PrecisionCloud.Resources;

/// <summary>The unified resource model's metrics (meter <c>PrecisionCloud.Resources</c>).</summary>
public sealed class ResourceMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "PrecisionCloud.Resources";

    private readonly Meter _meter;
    private readonly Counter<long> _changes;
    private readonly Counter<long> _reconcileActions;
    private readonly Histogram<double> _passDuration;
    private readonly Counter<long> _placements;

    /// <summary>Creates the metrics on a meter from the factory.</summary>
    /// <param name="meterFactory">The meter factory.</param>
    public ResourceMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _changes = _meter.CreateCounter<long>("precisioncloud.resources.changes", "{change}", "Committed changes by kind and type.");
        _reconcileActions = _meter.CreateCounter<long>("precisioncloud.resources.reconcile.actions", "{action}", "Reconcile actions by outcome (created, updated, deleted, drift_repaired, restarted, orphan_deleted, failed).");
        _passDuration = _meter.CreateHistogram<double>("precisioncloud.resources.reconcile.duration", "s", "Duration of reconcile passes.");
        _placements = _meter.CreateCounter<long>("precisioncloud.resources.placements", "{decision}", "Placement decisions by result (placed, unplaceable).");
    }

    internal void Changed(ResourceKind kind, ResourceChangeType type) =>
        _changes.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()), new KeyValuePair<string, object?>("type", type.ToString()));

    internal void Reconciled(string outcome, int count)
    {
        if (count > 0)
        {
            _reconcileActions.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    internal void Pass(TimeSpan duration) => _passDuration.Record(duration.TotalSeconds);

    internal void Placed(bool placed) => _placements.Add(1, new KeyValuePair<string, object?>("result", placed ? "placed" : "unplaceable"));

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
