using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PrecisionCloud.Hosting;

/// <summary>Checks <see cref="PrecisionCloudOptions"/> at start; messages name the setting and what it allows.</summary>
internal sealed partial class PrecisionCloudOptionsValidator : IValidateOptions<PrecisionCloudOptions>
{
    public ValidateOptionsResult Validate(string? name, PrecisionCloudOptions options)
    {
        var failures = new List<string>();
        if (options.SiteName is null || !SiteNamePattern().IsMatch(options.SiteName))
        {
            failures.Add($"PrecisionCloud:SiteName '{options.SiteName}' must be 1 to 63 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen.");
        }

        if (!Enum.IsDefined(options.Profile))
        {
            failures.Add($"PrecisionCloud:Profile '{options.Profile}' is not one of Embedded, AllInOne, CorePool.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex SiteNamePattern();
}
