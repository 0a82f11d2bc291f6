using System.Threading.RateLimiting;

namespace PrecisionCloud.Security.Limits;

/// <summary>
/// Rate limits per tenant and per client as .NET rate limiters: <see cref="Create"/> returns one partitioned limiter
/// that takes a token from the tenant's bucket and from the client's, so it plugs into ASP.NET Core's rate limiting
/// middleware or any layer's own loop alike. Buckets refill in steps of at most 50 ms at exactly the configured rate;
/// idle ones are dropped by the runtime. A refusal comes at once (no queueing) with the retry-after metadata.
/// </summary>
public static class TenantRateLimiter
{
    /// <summary>The limiter for these options.</summary>
    /// <param name="options">The rates.</param>
    /// <returns>A limiter keyed by <see cref="RateLimitSubject"/>; dispose it with its owner.</returns>
    public static PartitionedRateLimiter<RateLimitSubject> Create(RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var perTenant = PartitionedRateLimiter.Create<RateLimitSubject, string>(subject =>
            RateLimitPartition.GetTokenBucketLimiter(subject.Tenant, tenant => Bucket(options.Tenants.GetValueOrDefault(tenant) ?? options.Tenant)));
        var perClient = PartitionedRateLimiter.Create<RateLimitSubject, (string, string)>(subject =>
            RateLimitPartition.GetTokenBucketLimiter((subject.Tenant, subject.Client), _ => Bucket(options.Client)));
        return PartitionedRateLimiter.CreateChained(perTenant, perClient);
    }

    /// <summary>A bucket that refills <see cref="RateLimit.PerSecond"/> exactly, in the finest of 20, 10, 5, 4, 2 or 1 steps a second that divides it.</summary>
    private static TokenBucketRateLimiterOptions Bucket(RateLimit limit)
    {
        var steps = Array.Find([20, 10, 5, 4, 2], s => limit.PerSecond % s == 0) is var found and > 0 ? found : 1;
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Burst,
            TokensPerPeriod = limit.PerSecond / steps,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1.0 / steps),
            AutoReplenishment = true,
            QueueLimit = 0,
        };
    }
}
