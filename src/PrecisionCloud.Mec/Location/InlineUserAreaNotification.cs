namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="UserAreaNotification"/> (MEC 013 wraps each body in an object named after its type: <c>{"userAreaNotification": ...}</c>).</summary>
/// <param name="UserAreaNotification">The userAreaNotification.</param>
public sealed record InlineUserAreaNotification(UserAreaNotification? UserAreaNotification);
