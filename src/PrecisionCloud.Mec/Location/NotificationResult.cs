using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>Whether a periodic report found the user (ETSI GS MEC 013).</summary>
public enum NotificationResult
{
    /// <summary>The user was located.</summary>
    [JsonStringEnumMemberName("SUCCESS")]
    Success,

    /// <summary>The user could not be located.</summary>
    [JsonStringEnumMemberName("ABNORMAL")]
    Abnormal,
}
