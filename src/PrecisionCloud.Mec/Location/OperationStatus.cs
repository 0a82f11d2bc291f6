using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>Whether an access point serves users (ETSI GS MEC 013).</summary>
public enum OperationStatus
{
    /// <summary>It serves users.</summary>
    [JsonStringEnumMemberName("Serviceable")]
    Serviceable,

    /// <summary>It does not.</summary>
    [JsonStringEnumMemberName("Unserviceable")]
    Unserviceable,

    /// <summary>Not known.</summary>
    [JsonStringEnumMemberName("Unknown")]
    Unknown,
}
