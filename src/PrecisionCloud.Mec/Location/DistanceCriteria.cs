using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>When a distance subscription fires (ETSI GS MEC 013).</summary>
public enum DistanceCriteria
{
    /// <summary>Every monitored user is within the distance.</summary>
    [JsonStringEnumMemberName("AllWithinDistance")]
    AllWithinDistance,

    /// <summary>Some monitored user is within the distance.</summary>
    [JsonStringEnumMemberName("AnyWithinDistance")]
    AnyWithinDistance,

    /// <summary>Every monitored user is beyond the distance.</summary>
    [JsonStringEnumMemberName("AllBeyondDistance")]
    AllBeyondDistance,

    /// <summary>Some monitored user is beyond the distance.</summary>
    [JsonStringEnumMemberName("AnyBeyondDistance")]
    AnyBeyondDistance,
}
