using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>What an application instance confirms (ETSI GS MEC 011 clause 7.1.4.4, <c>indication</c>).</summary>
public enum ReadyIndication
{
    /// <summary>The instance is up and ready.</summary>
    [JsonStringEnumMemberName("READY")]
    Ready,
}
