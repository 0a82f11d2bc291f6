namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="AccessPointList"/> (MEC 013 wraps each body in an object named after its type: <c>{"accessPointList": ...}</c>).</summary>
/// <param name="AccessPointList">The accessPointList.</param>
public sealed record InlineAccessPointList(AccessPointList? AccessPointList);
