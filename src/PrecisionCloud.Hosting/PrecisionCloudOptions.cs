namespace PrecisionCloud.Hosting;

/// <summary>The site's options, bound from the <c>PrecisionCloud</c> configuration section.</summary>
public sealed class PrecisionCloudOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "PrecisionCloud";

    /// <summary>The site's name: 1 to 63 lowercase letters, digits and hyphens, starting with a letter (a DNS label). Default <c>site</c>.</summary>
    public string SiteName { get; set; } = "site";

    /// <summary>The site's profile. Default <see cref="SiteProfile.AllInOne"/>.</summary>
    public SiteProfile Profile { get; set; } = SiteProfile.AllInOne;
}
