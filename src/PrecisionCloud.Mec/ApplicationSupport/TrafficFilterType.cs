using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>Whether a traffic rule filters per flow or per packet (ETSI GS MEC 011 clause 7.1.2.2, <c>filterType</c>).</summary>
public enum TrafficFilterType
{
    /// <summary>The filter matches uplink packets, and the downlink packets of the same flow are handled in the same context.</summary>
    [JsonStringEnumMemberName("FLOW")]
    Flow,

    /// <summary>The filter matches each packet on its own.</summary>
    [JsonStringEnumMemberName("PACKET")]
    Packet,
}
