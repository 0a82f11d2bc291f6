using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>The radio technology of an access point (ETSI GS MEC 013).</summary>
public enum ConnectionType
{
    /// <summary>LTE (the enumeration of GS MEC 013 v3.1.1 has no NR value; 5G cells report UNKNOWN or LTE by configuration).</summary>
    [JsonStringEnumMemberName("LTE")]
    Lte,

    /// <summary>Wi-Fi.</summary>
    [JsonStringEnumMemberName("Wifi")]
    Wifi,

    /// <summary>WiMAX.</summary>
    [JsonStringEnumMemberName("Wimax")]
    Wimax,

    /// <summary>Unknown.</summary>
    [JsonStringEnumMemberName("UNKNOWN")]
    Unknown,
}
