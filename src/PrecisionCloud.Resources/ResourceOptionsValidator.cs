using Microsoft.Extensions.Options;

namespace PrecisionCloud.Resources;

/// <summary>Checks <see cref="ResourceOptions"/> at start; failures name the setting and the allowed values.</summary>
internal sealed class ResourceOptionsValidator : IValidateOptions<ResourceOptions>
{
    public ValidateOptionsResult Validate(string? name, ResourceOptions options)
    {
        List<string> failures = [];
        Range(failures, nameof(options.ResyncInterval), options.ResyncInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Range(failures, nameof(options.NodeRefreshInterval), options.NodeRefreshInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Range(failures, nameof(options.RetryInitialDelay), options.RetryInitialDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10));
        Range(failures, nameof(options.RetryMaxDelay), options.RetryMaxDelay, options.RetryInitialDelay, TimeSpan.FromHours(1));
        if (options.EventsKept is < 1 or > 1000)
        {
            failures.Add($"{ResourceOptions.SectionName}:{nameof(options.EventsKept)} must be 1 to 1000 (was {options.EventsKept})");
        }

        if (options.WatchHistory is < 100 or > 10_000_000)
        {
            failures.Add($"{ResourceOptions.SectionName}:{nameof(options.WatchHistory)} must be 100 to 10000000 (was {options.WatchHistory})");
        }

        if (options.StoredRejections is < 0 or > 100_000)
        {
            failures.Add($"{ResourceOptions.SectionName}:{nameof(options.StoredRejections)} must be 0 to 100000 (was {options.StoredRejections})");
        }

        if (string.IsNullOrWhiteSpace(options.Site))
        {
            failures.Add($"{ResourceOptions.SectionName}:{nameof(options.Site)} must name the site");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{ResourceOptions.SectionName}:{setting} must be {min} to {max} (was {value})");
        }
    }
}
