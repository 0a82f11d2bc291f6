using Microsoft.Extensions.Options;

namespace PrecisionCloud.Resources.OpenStack;

/// <summary>Validates <see cref="OpenStackProviderOptions"/> at start: names, roles, timeouts and the client's ranges.</summary>
public sealed class OpenStackProviderOptionsValidator : IValidateOptions<OpenStackProviderOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, OpenStackProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Name) || options.Name.Length > 40 || options.Name.Any(char.IsWhiteSpace))
        {
            failures.Add("Name must be 1 to 40 characters without spaces");
        }

        if (options.ProjectPrefix.Length > 20 || options.ProjectPrefix.Any(char.IsWhiteSpace))
        {
            failures.Add("ProjectPrefix must be at most 20 characters without spaces");
        }

        foreach (var (field, value) in new[] { ("Domain", options.Domain), ("ProviderRole", options.ProviderRole), ("MemberRole", options.MemberRole), ("ViewerRole", options.ViewerRole) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{field} must not be empty");
            }
        }

        if (options.AntiAffinityPolicy is not ("anti-affinity" or "soft-anti-affinity"))
        {
            failures.Add("AntiAffinityPolicy must be anti-affinity or soft-anti-affinity");
        }

        if (options.BootTimeout < TimeSpan.FromSeconds(1) || options.BootTimeout > TimeSpan.FromHours(1))
        {
            failures.Add("BootTimeout must be 1 s to 1 h");
        }

        if (options.StateTimeout < TimeSpan.FromSeconds(1) || options.StateTimeout > TimeSpan.FromHours(1))
        {
            failures.Add("StateTimeout must be 1 s to 1 h");
        }

        if (options.Client.Validate() is { } client)
        {
            failures.Add($"Client: {client}");
        }

        if (!string.IsNullOrEmpty(options.Auth.AuthUrl) && options.Auth.Validate() is { } auth)
        {
            failures.Add($"Auth: {auth}");
        }

        if (options.Auth.IsApplicationCredential && options.ProjectPerTenant)
        {
            failures.Add("an application credential is bound to one project: set ProjectPerTenant to false");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
