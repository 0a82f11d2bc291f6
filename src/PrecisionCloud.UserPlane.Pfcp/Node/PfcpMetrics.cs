using System.Diagnostics.Metrics;
using PrecisionCloud.UserPlane.Pfcp.Codec;

namespace PrecisionCloud.UserPlane.Pfcp.Node;

/// <summary>The N4 agent's instruments, observed from the node's own counters at collection time.</summary>
internal static class PfcpMetrics
{
    public static void Register(Meter meter, PfcpNode node)
    {
        meter.CreateObservableCounter("precisioncloud.pfcp.requests", () => Received(node), "{message}", "Requests received, by message type.");
        meter.CreateObservableCounter("precisioncloud.pfcp.refusals", () => Refused(node), "{message}", "Requests answered with a cause other than Request accepted, by message type and cause.");
        meter.CreateObservableCounter("precisioncloud.pfcp.retransmissions", () => node.Retransmissions, "{message}", "Requests this node sent again after T1.");
        meter.CreateObservableCounter("precisioncloud.pfcp.timeouts", () => node.RequestsTimedOut, "{message}", "Requests this node gave up after N1 retransmissions.");
        meter.CreateObservableCounter("precisioncloud.pfcp.peer_events", () => PeerEvents(node), "{event}", "CP peers found restarted or failed.");
        meter.CreateObservableCounter("precisioncloud.pfcp.sessions_purged", () => node.SessionsPurged, "{session}", "Sessions purged with their CP peer.");
        meter.CreateObservableGauge("precisioncloud.pfcp.sessions", () => node.SessionCount, "{session}", "PFCP sessions established.");
        meter.CreateObservableGauge("precisioncloud.pfcp.associations", () => node.Associations.Count, "{association}", "CP nodes associated.");
    }

    private static IEnumerable<Measurement<long>> Received(PfcpNode node)
    {
        var (received, _) = node.Counters();
        for (var type = 0; type < received.Length; type++)
        {
            if (received[type] > 0)
            {
                yield return new Measurement<long>(received[type], new KeyValuePair<string, object?>("message_type", ((PfcpMessageType)type).ToString()));
            }
        }
    }

    private static IEnumerable<Measurement<long>> Refused(PfcpNode node) =>
        node.Counters().Refused.Select(r => new Measurement<long>(r.Value,
            new KeyValuePair<string, object?>("message_type", r.Key.Type.ToString()), new KeyValuePair<string, object?>("cause", r.Key.Cause.ToString())));

    private static IEnumerable<Measurement<long>> PeerEvents(PfcpNode node)
    {
        yield return new Measurement<long>(node.PeerRestarts, new KeyValuePair<string, object?>("event", "restart"));
        yield return new Measurement<long>(node.PeerFailures, new KeyValuePair<string, object?>("event", "failure"));
    }
}
