using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>The scope of locality of a service (ETSI GS MEC 011 clause 8.1.6.5).</summary>
public enum LocalityType
{
    /// <summary>The MEC system.</summary>
    [JsonStringEnumMemberName("MEC_SYSTEM")]
    MecSystem,

    /// <summary>The MEC host (the default).</summary>
    [JsonStringEnumMemberName("MEC_HOST")]
    MecHost,

    /// <summary>The NFVI point of presence.</summary>
    [JsonStringEnumMemberName("NFVI_POP")]
    NfviPop,

    /// <summary>The zone.</summary>
    [JsonStringEnumMemberName("ZONE")]
    Zone,

    /// <summary>The zone group.</summary>
    [JsonStringEnumMemberName("ZONE_GROUP")]
    ZoneGroup,

    /// <summary>The NFVI node.</summary>
    [JsonStringEnumMemberName("NFVI_NODE")]
    NfviNode,
}
