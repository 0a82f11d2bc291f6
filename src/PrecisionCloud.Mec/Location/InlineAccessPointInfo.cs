namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="AccessPointInfo"/> (MEC 013 wraps each body in an object named after its type: <c>{"accessPointInfo": ...}</c>).</summary>
/// <param name="AccessPointInfo">The accessPointInfo.</param>
public sealed record InlineAccessPointInfo(AccessPointInfo? AccessPointInfo);
