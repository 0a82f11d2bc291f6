using Microsoft.Extensions.Options;
using PrecisionCloud.Security.Tokens;

namespace PrecisionCloud.Security.Hosting;

/// <summary>Checks <see cref="AuthorizationServerOptions"/> at start; every message names the setting and what it allows.</summary>
internal sealed class AuthorizationServerOptionsValidator : IValidateOptions<AuthorizationServerOptions>
{
    private const string Prefix = AuthorizationServerOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, AuthorizationServerOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Issuer, UriKind.Absolute, out var issuer) || issuer.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{Prefix}Issuer must be an https URL (was '{options.Issuer}').");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{Prefix}Audience must name the APIs the tokens are for.");
        }

        if (options.TokenLifetime < TimeSpan.FromMinutes(1) || options.TokenLifetime > TimeSpan.FromHours(24))
        {
            failures.Add($"{Prefix}TokenLifetime must be from 1 minute to 24 hours (was {options.TokenLifetime}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
