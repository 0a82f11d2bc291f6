namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="UserAreaSubscription"/> (MEC 013 wraps each body in an object named after its type: <c>{"userAreaSubscription": ...}</c>).</summary>
/// <param name="UserAreaSubscription">The userAreaSubscription.</param>
public sealed record InlineUserAreaSubscription(UserAreaSubscription? UserAreaSubscription);
