namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="ZoneList"/> (MEC 013 wraps each body in an object named after its type: <c>{"zoneList": ...}</c>).</summary>
/// <param name="ZoneList">The zoneList.</param>
public sealed record InlineZoneList(ZoneList? ZoneList);
