namespace PrecisionCloud.Hosting;

/// <summary>What kind of site a host runs; each profile brings its own defaults (see <see cref="SiteProfileDefaults"/>).</summary>
public enum SiteProfile
{
    /// <summary>A small box at the far edge: the fewest services, the smallest footprint.</summary>
    Embedded,

    /// <summary>One edge server that runs the whole site: user plane, MEC platform, apps.</summary>
    AllInOne,

    /// <summary>A node of a regional server pool: central control, catalog, many sites.</summary>
    CorePool,
}
