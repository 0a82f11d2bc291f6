using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>What changed about a service in an availability notification (ETSI GS MEC 011 clause 8.1.4.2, <c>changeType</c>).</summary>
public enum ServiceChangeType
{
    /// <summary>The service was added.</summary>
    [JsonStringEnumMemberName("ADDED")]
    Added,

    /// <summary>The service was removed.</summary>
    [JsonStringEnumMemberName("REMOVED")]
    Removed,

    /// <summary>Only the service's state changed.</summary>
    [JsonStringEnumMemberName("STATE_CHANGED")]
    StateChanged,

    /// <summary>Attributes other than the state changed.</summary>
    [JsonStringEnumMemberName("ATTRIBUTES_CHANGED")]
    AttributesChanged,
}
