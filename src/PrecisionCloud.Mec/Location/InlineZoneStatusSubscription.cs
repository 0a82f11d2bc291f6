namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="ZoneStatusSubscription"/> (MEC 013 wraps each body in an object named after its type: <c>{"zoneStatusSubscription": ...}</c>).</summary>
/// <param name="ZoneStatusSubscription">The zoneStatusSubscription.</param>
public sealed record InlineZoneStatusSubscription(ZoneStatusSubscription? ZoneStatusSubscription);
