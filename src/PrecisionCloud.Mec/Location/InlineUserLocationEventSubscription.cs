namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="UserLocationEventSubscription"/> (MEC 013 wraps each body in an object named after its type: <c>{"userLocationEventSubscription": ...}</c>).</summary>
/// <param name="UserLocationEventSubscription">The userLocationEventSubscription.</param>
public sealed record InlineUserLocationEventSubscription(UserLocationEventSubscription? UserLocationEventSubscription);
