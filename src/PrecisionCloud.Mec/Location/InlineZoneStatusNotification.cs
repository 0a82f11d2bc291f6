namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="ZoneStatusNotification"/> (MEC 013 wraps each body in an object named after its type: <c>{"zoneStatusNotification": ...}</c>).</summary>
/// <param name="ZoneStatusNotification">The zoneStatusNotification.</param>
public sealed record InlineZoneStatusNotification(ZoneStatusNotification? ZoneStatusNotification);
