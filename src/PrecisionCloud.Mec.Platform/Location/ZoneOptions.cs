namespace PrecisionCloud.Mec.Platform.Location;

/// <summary>A zone of the radio map.</summary>
public sealed class ZoneOptions
{
    /// <summary>The zone's identifier.</summary>
    public string ZoneId { get; set; } = string.Empty;

    /// <summary>Its access points.</summary>
    public IList<AccessPointOptions> AccessPoints { get; } = [];
}
