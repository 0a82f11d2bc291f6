namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="ZoneLocationEventNotification"/> (MEC 013 wraps each body in an object named after its type: <c>{"zoneLocationEventNotification": ...}</c>).</summary>
/// <param name="ZoneLocationEventNotification">The zoneLocationEventNotification.</param>
public sealed record InlineZoneLocationEventNotification(ZoneLocationEventNotification? ZoneLocationEventNotification);
