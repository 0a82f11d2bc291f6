namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="UserLocationPeriodicNotification"/> (MEC 013 wraps each body in an object named after its type: <c>{"userLocationPeriodicNotification": ...}</c>).</summary>
/// <param name="UserLocationPeriodicNotification">The userLocationPeriodicNotification.</param>
public sealed record InlineUserLocationPeriodicNotification(UserLocationPeriodicNotification? UserLocationPeriodicNotification);
