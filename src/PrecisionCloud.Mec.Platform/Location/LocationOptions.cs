namespace PrecisionCloud.Mec.Platform.Location;

/// <summary>
/// The site's radio map for MEC 013 (section <c>PrecisionCloud:Mec:Location</c>): zones, their access points, and
/// the N3 addresses of the gNBs behind each access point, so a user's location follows the gNB its session uses.
/// </summary>
public sealed class LocationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "PrecisionCloud:Mec:Location";

    /// <summary>The zones.</summary>
    public IList<ZoneOptions> Zones { get; } = [];

    /// <summary>How often a polling source (the site's user plane) reports where its users are.</summary>
    public TimeSpan SourcePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Simulated users that move between access points, for demonstrations without a radio network.</summary>
    public LocationSimulatorOptions Simulator { get; set; } = new();
}
