using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>How a service serializes its data (ETSI GS MEC 011 clause 8.1.6.2).</summary>
public enum SerializerType
{
    /// <summary>JSON.</summary>
    [JsonStringEnumMemberName("JSON")]
    Json,

    /// <summary>XML.</summary>
    [JsonStringEnumMemberName("XML")]
    Xml,

    /// <summary>Protocol Buffers 3.</summary>
    [JsonStringEnumMemberName("PROTOBUF3")]
    Protobuf3,
}
