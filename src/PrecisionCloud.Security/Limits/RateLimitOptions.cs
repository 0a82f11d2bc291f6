namespace PrecisionCloud.Security.Limits;

/// <summary>
/// Request rates per tenant and per client, both enforced (a request needs a token from its tenant's bucket and
/// from its client's). Configuration section <c>PrecisionCloud:Security:RateLimits</c>.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "PrecisionCloud:Security:RateLimits";

    /// <summary>Each tenant's rate, unless <see cref="Tenants"/> names it.</summary>
    public RateLimit Tenant { get; set; } = new() { PerSecond = 1_000, Burst = 2_000 };

    /// <summary>Each client's rate.</summary>
    public RateLimit Client { get; set; } = new();

    /// <summary>Rates of particular tenants, by tenant.</summary>
    public Dictionary<string, RateLimit> Tenants { get; set; } = new(StringComparer.Ordinal);
}
