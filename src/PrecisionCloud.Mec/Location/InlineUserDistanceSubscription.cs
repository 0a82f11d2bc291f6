namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="UserDistanceSubscription"/> (MEC 013 wraps each body in an object named after its type: <c>{"userDistanceSubscription": ...}</c>).</summary>
/// <param name="UserDistanceSubscription">The userDistanceSubscription.</param>
public sealed record InlineUserDistanceSubscription(UserDistanceSubscription? UserDistanceSubscription);
