namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="UserDistanceNotification"/> (MEC 013 wraps each body in an object named after its type: <c>{"userDistanceNotification": ...}</c>).</summary>
/// <param name="UserDistanceNotification">The userDistanceNotification.</param>
public sealed record InlineUserDistanceNotification(UserDistanceNotification? UserDistanceNotification);
