namespace PrecisionCloud.Mec.Location;

/// <summary>A geographic location (ETSI GS MEC 013 clause 6.5.3, after 3GPP TS 23.032 shapes).</summary>
public sealed record LocationInfo
{
    /// <summary>Latitudes in degrees (-90 to 90); more than one only for a polygon (shape 7).</summary>
    public required IReadOnlyList<float> Latitude { get; init; }

    /// <summary>Longitudes in degrees (-180 to 180); more than one only for a polygon (shape 7).</summary>
    public required IReadOnlyList<float> Longitude { get; init; }

    /// <summary>The 3GPP TS 23.032 shape: 1 ellipsoid arc, 2 point, 3 point with altitude, ..., 7 polygon.</summary>
    public required int Shape { get; init; }

    /// <summary>The altitude in meters.</summary>
    public float? Altitude { get; init; }

    /// <summary>The horizontal uncertainty in meters (shapes 4 to 6).</summary>
    public int? Accuracy { get; init; }
}
