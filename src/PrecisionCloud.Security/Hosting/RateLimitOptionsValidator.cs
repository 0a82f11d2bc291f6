using Microsoft.Extensions.Options;
using PrecisionCloud.Security.Limits;

namespace PrecisionCloud.Security.Hosting;

/// <summary>Checks <see cref="RateLimitOptions"/> at start; every message names the setting and what it allows.</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    private const string Prefix = RateLimitOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        Check(options.Tenant, "Tenant", failures);
        Check(options.Client, "Client", failures);
        foreach (var (tenant, limit) in options.Tenants)
        {
            Check(limit, $"Tenants:{tenant}", failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(RateLimit? limit, string setting, List<string> failures)
    {
        if (limit is null || limit.PerSecond < 1 || limit.Burst < 1)
        {
            failures.Add($"{Prefix}{setting} needs PerSecond and Burst of at least 1 (was {limit?.PerSecond} and {limit?.Burst}).");
        }
    }
}
