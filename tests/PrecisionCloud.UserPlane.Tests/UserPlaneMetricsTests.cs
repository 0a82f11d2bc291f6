using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PrecisionCloud.UserPlane.Pipeline;
using static PrecisionCloud.UserPlane.Tests.TestPackets;

namespace PrecisionCloud.UserPlane.Tests;

public sealed class UserPlaneMetricsTests
{
    [Fact]
    public void Instruments_report_traffic_drops_and_hits_from_the_pipelines()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var userPlane = new UserPlane(new UserPlaneOptions { N3Address = Upf }, meters);
        userPlane.Establish(Session(1, 0x100, "10.45.0.2", 0x200));
        var pipeline = userPlane.CreatePipeline();
        var batch = new PacketBatch(8);
        batch.Add(Gpdu(0x100, Udp("10.45.0.2", "8.8.8.8", 1, 2)), Gnb, 2152);
        batch.Add(Gpdu(0x999, Udp("10.45.0.2", "8.8.8.8", 1, 2)), Gnb, 2152);
        pipeline.ProcessN3(batch, Stopwatch.GetTimestamp());

        using var packets = new MetricCollector<long>(meters, UserPlane.MeterName, "precisioncloud.userplane.packets");
        using var drops = new MetricCollector<long>(meters, UserPlane.MeterName, "precisioncloud.userplane.drops");
        using var hits = new MetricCollector<long>(meters, UserPlane.MeterName, "precisioncloud.userplane.rule_hits");
        using var sessions = new MetricCollector<int>(meters, UserPlane.MeterName, "precisioncloud.userplane.sessions");
        packets.RecordObservableInstruments();
        drops.RecordObservableInstruments();
        hits.RecordObservableInstruments();
        sessions.RecordObservableInstruments();

        Assert.Contains(packets.GetMeasurementSnapshot(), m => m.Value == 2 && Equals(m.Tags["interface"], "n3") && Equals(m.Tags["direction"], "rx"));
        Assert.Contains(packets.GetMeasurementSnapshot(), m => m.Value == 1 && Equals(m.Tags["interface"], "n6") && Equals(m.Tags["direction"], "tx"));
        Assert.Contains(drops.GetMeasurementSnapshot(), m => m.Value == 1 && Equals(m.Tags["reason"], "UnknownTeid"));
        Assert.Contains(hits.GetMeasurementSnapshot(), m => m.Value == 1 && Equals(m.Tags["rule"], "pdr") && Equals(m.Tags["direction"], "uplink"));
        Assert.Equal(1, sessions.LastMeasurement?.Value);
    }
}
