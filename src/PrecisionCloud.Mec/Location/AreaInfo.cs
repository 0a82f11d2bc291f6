namespace PrecisionCloud.Mec.Location;

/// <summary>A monitored area (ETSI GS MEC 013 clause 6.5.7): a circle (shape 1: one point and a radius) or a polygon (shape 2: 3 to 15 points).</summary>
/// <param name="Shape">1 for a circle, 2 for a polygon.</param>
/// <param name="Points">The circle's centre, or the polygon's corners.</param>
/// <param name="Radius">The circle's radius in meters.</param>
public sealed record AreaInfo(int Shape, IReadOnlyList<Point> Points, int? Radius = null);
