using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>What a traffic rule does with matching packets (ETSI GS MEC 011 clause 7.1.2.2, <c>action</c>).</summary>
public enum TrafficRuleAction
{
    /// <summary>Drop them.</summary>
    [JsonStringEnumMemberName("DROP")]
    Drop,

    /// <summary>Forward them to the destination interface without their tunnel headers (local breakout).</summary>
    [JsonStringEnumMemberName("FORWARD_DECAPSULATED")]
    ForwardDecapsulated,

    /// <summary>Forward them to the destination interface with their tunnel headers.</summary>
    [JsonStringEnumMemberName("FORWARD_ENCAPSULATED")]
    ForwardEncapsulated,

    /// <summary>Let them pass on their way unchanged.</summary>
    [JsonStringEnumMemberName("PASSTHROUGH")]
    Passthrough,

    /// <summary>Let them pass and send a copy, without tunnel headers, to the destination interface.</summary>
    [JsonStringEnumMemberName("DUPLICATE_DECAPSULATED")]
    DuplicateDecapsulated,

    /// <summary>Let them pass and send a copy, with tunnel headers, to the destination interface.</summary>
    [JsonStringEnumMemberName("DUPLICATE_ENCAPSULATED")]
    DuplicateEncapsulated,
}
