using Microsoft.Extensions.Options;
using PrecisionCloud.Security.Identity;

namespace PrecisionCloud.Security.Hosting;

/// <summary>Checks <see cref="CertificateAuthorityOptions"/> at start; every message names the setting and what it allows.</summary>
internal sealed class CertificateAuthorityOptionsValidator : IValidateOptions<CertificateAuthorityOptions>
{
    private const string Prefix = CertificateAuthorityOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, CertificateAuthorityOptions options)
    {
        var failures = new List<string>();
        if (!SpiffeId.TryParse($"spiffe://{options.TrustDomain}/site/{options.Site}/x/y", out _, out var error))
        {
            failures.Add($"{Prefix}TrustDomain and Site must make a SPIFFE ID: {error}.");
        }

        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{Prefix}Directory must name a directory.");
        }

        if (!Enum.IsDefined(options.Algorithm))
        {
            failures.Add($"{Prefix}Algorithm must be EcdsaP256 or Rsa3072.");
        }

        if (options.IdentityLifetime < TimeSpan.FromMinutes(5) || options.IdentityLifetime > options.CaLifetime)
        {
            failures.Add($"{Prefix}IdentityLifetime must be at least 5 minutes and within CaLifetime (was {options.IdentityLifetime}).");
        }

        if (options.RenewAtFraction is <= 0.1 or >= 0.95)
        {
            failures.Add($"{Prefix}RenewAtFraction must be between 0.1 and 0.95 (was {options.RenewAtFraction}).");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromHours(1))
        {
            failures.Add($"{Prefix}ClockSkew must be from 0 to 1 hour (was {options.ClockSkew}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
