using System.Diagnostics.Metrics;

namespace PrecisionCloud.UserPlane;

/// <summary>
/// The user plane's instruments, observed from the pipelines' own counters at collection time, so the fast path
/// pays nothing per packet for metrics.
/// </summary>
internal static class UserPlaneMetrics
{
    public static void Register(Meter meter, UserPlane userPlane)
    {
        meter.CreateObservableCounter("precisioncloud.userplane.packets", () => Traffic(userPlane, bytes: false), "{packet}", "Packets by interface (n3, n6) and direction (rx, tx).");
        meter.CreateObservableCounter("precisioncloud.userplane.bytes", () => Traffic(userPlane, bytes: true), "By", "Bytes by interface (n3, n6) and direction (rx, tx).");
        meter.CreateObservableCounter("precisioncloud.userplane.drops", () => Drops(userPlane), "{packet}", "Dropped packets by reason.");
        meter.CreateObservableCounter("precisioncloud.userplane.rule_hits", () => Hits(userPlane), "{packet}", "Packets that matched a PDR (by direction) or a steering rule.");
        meter.CreateObservableGauge("precisioncloud.userplane.sessions", () => userPlane.SessionCount, "{session}", "Sessions installed.");
    }

    private static IEnumerable<Measurement<long>> Traffic(UserPlane userPlane, bool bytes)
    {
        var s = userPlane.GetStatistics();
        yield return Measure(bytes ? s.N3ReceivedBytes : s.N3ReceivedPackets, "n3", "rx");
        yield return Measure(bytes ? s.N3SentBytes : s.N3SentPackets, "n3", "tx");
        yield return Measure(bytes ? s.N6ReceivedBytes : s.N6ReceivedPackets, "n6", "rx");
        yield return Measure(bytes ? s.N6SentBytes : s.N6SentPackets, "n6", "tx");
    }

    private static IEnumerable<Measurement<long>> Drops(UserPlane userPlane) =>
        userPlane.GetStatistics().Drops.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("reason", d.Key.ToString())));

    private static IEnumerable<Measurement<long>> Hits(UserPlane userPlane)
    {
        var s = userPlane.GetStatistics();
        yield return new Measurement<long>(s.UplinkPdrHits, new KeyValuePair<string, object?>("rule", "pdr"), new KeyValuePair<string, object?>("direction", "uplink"));
        yield return new Measurement<long>(s.DownlinkPdrHits, new KeyValuePair<string, object?>("rule", "pdr"), new KeyValuePair<string, object?>("direction", "downlink"));
        yield return new Measurement<long>(s.SteeringHits, new KeyValuePair<string, object?>("rule", "steering"), new KeyValuePair<string, object?>("direction", "uplink"));
    }

    private static Measurement<long> Measure(long value, string networkInterface, string direction) =>
        new(value, new KeyValuePair<string, object?>("interface", networkInterface), new KeyValuePair<string, object?>("direction", direction));
}
