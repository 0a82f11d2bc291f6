using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>Whether the platform's clock is locked to UTC (ETSI GS MEC 011 clause 7.1.2.5, <c>timeSourceStatus</c>).</summary>
public enum TimeSourceStatus
{
    /// <summary>The time source is locked to a UTC time source.</summary>
    [JsonStringEnumMemberName("TRACEABLE")]
    Traceable,

    /// <summary>The time source is not locked to a UTC time source.</summary>
    [JsonStringEnumMemberName("NONTRACEABLE")]
    NonTraceable,
}
