namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="UserLocationEventNotification"/> (MEC 013 wraps each body in an object named after its type: <c>{"userLocationEventNotification": ...}</c>).</summary>
/// <param name="UserLocationEventNotification">The userLocationEventNotification.</param>
public sealed record InlineUserLocationEventNotification(UserLocationEventNotification? UserLocationEventNotification);
