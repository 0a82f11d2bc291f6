namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="ZoneLocationEventSubscription"/> (MEC 013 wraps each body in an object named after its type: <c>{"zoneLocationEventSubscription": ...}</c>).</summary>
/// <param name="ZoneLocationEventSubscription">The zoneLocationEventSubscription.</param>
public sealed record InlineZoneLocationEventSubscription(ZoneLocationEventSubscription? ZoneLocationEventSubscription);
