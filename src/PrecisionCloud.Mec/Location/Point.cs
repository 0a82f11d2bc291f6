namespace PrecisionCloud.Mec.Location;

/// <summary>A geographic point (ETSI GS MEC 013 clause 6.5.8).</summary>
/// <param name="Latitude">Degrees, -90 to 90.</param>
/// <param name="Longitude">Degrees, -180 to 180.</param>
public sealed record Point(float Latitude, float Longitude);
