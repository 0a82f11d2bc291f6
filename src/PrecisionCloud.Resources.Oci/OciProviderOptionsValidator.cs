using Microsoft.Extensions.Options;

namespace PrecisionCloud.Resources.Oci;

/// <summary>Checks <see cref="OciProviderOptions"/> at start; failures name the setting and the allowed values.</summary>
internal sealed class OciProviderOptionsValidator : IValidateOptions<OciProviderOptions>
{
    public ValidateOptionsResult Validate(string? name, OciProviderOptions options)
    {
        List<string> failures = [];
        var prefix = OciProviderOptions.SectionName + ":";
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            failures.Add($"{prefix}{nameof(options.Name)} must name the provider");
        }

        if (string.IsNullOrWhiteSpace(options.RootDirectory))
        {
            failures.Add($"{prefix}{nameof(options.RootDirectory)} must name a directory");
        }

        if (!Path.IsPathRooted(options.StateDirectory))
        {
            failures.Add($"{prefix}{nameof(options.StateDirectory)} must be an absolute path (was '{options.StateDirectory}')");
        }

        if (options.ReservedVCpus < 0 || options.ReservedMemoryMiB < 0)
        {
            failures.Add($"{prefix}{nameof(options.ReservedVCpus)} and {nameof(options.ReservedMemoryMiB)} must be zero or more");
        }

        if (options.StopTimeout < TimeSpan.Zero || options.StopTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{prefix}{nameof(options.StopTimeout)} must be 0 to 00:05:00 (was {options.StopTimeout})");
        }

        if (options.PidsLimit is < 16 or > 4_194_304)
        {
            failures.Add($"{prefix}{nameof(options.PidsLimit)} must be 16 to 4194304 (was {options.PidsLimit})");
        }

        if (options.MaxLogBytes < 4096)
        {
            failures.Add($"{prefix}{nameof(options.MaxLogBytes)} must be at least 4096 (was {options.MaxLogBytes})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
