namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="TestNotification"/> (MEC 013 wraps each body in an object named after its type: <c>{"testNotification": ...}</c>).</summary>
/// <param name="TestNotification">The testNotification.</param>
public sealed record InlineTestNotification(TestNotification? TestNotification);
