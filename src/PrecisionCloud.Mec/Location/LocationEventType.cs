using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.Location;

/// <summary>A user entering or leaving an area (ETSI GS MEC 013).</summary>
public enum LocationEventType
{
    /// <summary>The user entered the area.</summary>
    [JsonStringEnumMemberName("ENTERING_AREA_EVENT")]
    EnteringArea,

    /// <summary>The user left the area.</summary>
    [JsonStringEnumMemberName("LEAVING_AREA_EVENT")]
    LeavingArea,
}
