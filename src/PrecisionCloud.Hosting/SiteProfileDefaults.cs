using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hosting;

/// <summary>The defaults a <see cref="SiteProfile"/> brings.</summary>
public sealed record SiteProfileDefaults
{
    /// <summary>The profile these defaults belong to.</summary>
    public required SiteProfile Profile { get; init; }

    /// <summary>
    /// The form factors this profile is meant for. A site whose node has another form factor still starts, with a
    /// warning in the log and a degraded health check, since the profile's defaults may not suit the hardware.
    /// </summary>
    public required IReadOnlyList<FormFactor> SuitableFormFactors { get; init; }

    /// <summary>How long a node inventory is reused before sysfs is read again.</summary>
    public required TimeSpan InventoryCacheDuration { get; init; }

    /// <summary>The defaults of a profile.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>Its defaults.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined profile.</exception>
    public static SiteProfileDefaults For(SiteProfile profile) => profile switch
    {
        SiteProfile.Embedded => new()
        {
            Profile = profile,
            SuitableFormFactors = [FormFactor.Embedded, FormFactor.AllInOne],
            InventoryCacheDuration = TimeSpan.FromMinutes(5),
        },
        SiteProfile.AllInOne => new()
        {
            Profile = profile,
            SuitableFormFactors = [FormFactor.AllInOne, FormFactor.StandardServer],
            InventoryCacheDuration = TimeSpan.FromSeconds(30),
        },
        SiteProfile.CorePool => new()
        {
            Profile = profile,
            SuitableFormFactors = [FormFactor.StandardServer],
            InventoryCacheDuration = TimeSpan.FromSeconds(30),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Not a site profile: use Embedded, AllInOne or CorePool."),
    };
}
