namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="ZoneInfo"/> (MEC 013 wraps each body in an object named after its type: <c>{"zoneInfo": ...}</c>).</summary>
/// <param name="ZoneInfo">The zoneInfo.</param>
public sealed record InlineZoneInfo(ZoneInfo? ZoneInfo);
