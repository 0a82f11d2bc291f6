using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>Metrics of the OpenStack client: requests by service and status, their duration, retries and authentications.</summary>
public sealed class OpenStackMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "PrecisionCloud.Resources.OpenStack";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _retries;

    /// <summary>Creates the metrics on a meter from the factory.</summary>
    /// <param name="meterFactory">The meter factory.</param>
    public OpenStackMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _requests = _meter.CreateCounter<long>("precisioncloud.openstack.requests", "{request}", "Requests to OpenStack services by service, method and status.");
        _duration = _meter.CreateHistogram<double>("precisioncloud.openstack.request.duration", "s", "Duration of requests to OpenStack services.");
        _retries = _meter.CreateCounter<long>("precisioncloud.openstack.retries", "{retry}", "Requests repeated after 503, 429, a retryable 409, a refused token or a broken connection, by service and reason.");
    }

    internal void Request(string service, string method, int status, TimeSpan duration)
    {
        var tags = new TagList { { "service", service }, { "method", method }, { "status", status } };
        _requests.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
    }

    internal void Retry(string service, string reason) =>
        _retries.Add(1, new KeyValuePair<string, object?>("service", service), new KeyValuePair<string, object?>("reason", reason));

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
