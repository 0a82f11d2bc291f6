using Microsoft.Extensions.Options;

namespace PrecisionCloud.Resources.Kubernetes;

/// <summary>Checks <see cref="KubernetesProviderOptions"/> at start; failures name the setting and the allowed values.</summary>
internal sealed class KubernetesProviderOptionsValidator : IValidateOptions<KubernetesProviderOptions>
{
    public ValidateOptionsResult Validate(string? name, KubernetesProviderOptions options)
    {
        List<string> failures = [];
        var prefix = KubernetesProviderOptions.SectionName + ":";
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            failures.Add($"{prefix}{nameof(options.Name)} must name the provider");
        }

        if (options.Host is { Length: > 0 } host && !Uri.TryCreate(host, UriKind.Absolute, out _))
        {
            failures.Add($"{prefix}{nameof(options.Host)} must be an absolute URL such as https://10.0.0.1:6443 (was '{host}')");
        }

        if (options.NamespacePrefix.Length > 20 || options.NamespacePrefix.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            failures.Add($"{prefix}{nameof(options.NamespacePrefix)} must be at most 20 of a-z, 0-9 and '-' (was '{options.NamespacePrefix}')");
        }

        if (options.ConflictRetries is < 0 or > 20)
        {
            failures.Add($"{prefix}{nameof(options.ConflictRetries)} must be 0 to 20 (was {options.ConflictRetries})");
        }

        if (options.RequestTimeout < TimeSpan.FromSeconds(1) || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{prefix}{nameof(options.RequestTimeout)} must be 00:00:01 to 00:05:00 (was {options.RequestTimeout})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
