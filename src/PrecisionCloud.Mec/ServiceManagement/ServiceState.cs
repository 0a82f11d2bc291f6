using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>The state of a MEC service instance (ETSI GS MEC 011 clause 8.1.6.6).</summary>
public enum ServiceState
{
    /// <summary>The service is available.</summary>
    [JsonStringEnumMemberName("ACTIVE")]
    Active,

    /// <summary>The service is not available.</summary>
    [JsonStringEnumMemberName("INACTIVE")]
    Inactive,

    /// <summary>The service is suspended (for example its heartbeats stopped).</summary>
    [JsonStringEnumMemberName("SUSPENDED")]
    Suspended,
}
