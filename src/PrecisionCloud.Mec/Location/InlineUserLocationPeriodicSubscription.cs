namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="UserLocationPeriodicSubscription"/> (MEC 013 wraps each body in an object named after its type: <c>{"userLocationPeriodicSubscription": ...}</c>).</summary>
/// <param name="UserLocationPeriodicSubscription">The userLocationPeriodicSubscription.</param>
public sealed record InlineUserLocationPeriodicSubscription(UserLocationPeriodicSubscription? UserLocationPeriodicSubscription);
