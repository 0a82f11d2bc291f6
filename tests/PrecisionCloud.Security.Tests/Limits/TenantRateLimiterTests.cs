using System.Threading.RateLimiting;
using PrecisionCloud.Security.Limits;

namespace PrecisionCloud.Security.Tests.Limits;

public sealed class TenantRateLimiterTests
{
    [Fact]
    public void A_client_gets_its_burst_then_is_refused_with_a_retry_after_while_other_clients_go_on()
    {
        using var limiter = TenantRateLimiter.Create(new RateLimitOptions { Client = new RateLimit { PerSecond = 1, Burst = 3 } });
        var app = new RateLimitSubject("tenant-a", "app-1");

        for (var i = 0; i < 3; i++)
        {
            using var granted = limiter.AttemptAcquire(app);
            Assert.True(granted.IsAcquired);
        }

        using var refused = limiter.AttemptAcquire(app);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero);
        using var other = limiter.AttemptAcquire(new RateLimitSubject("tenant-a", "app-2"));
        Assert.True(other.IsAcquired);
    }

    [Fact]
    public void A_tenant_limit_holds_across_all_its_clients_and_tenants_have_their_own()
    {
        var options = new RateLimitOptions
        {
            Tenant = new RateLimit { PerSecond = 1, Burst = 5 },
            Client = new RateLimit { PerSecond = 100, Burst = 100 },
            Tenants = { ["big"] = new RateLimit { PerSecond = 1, Burst = 50 } },
        };
        using var limiter = TenantRateLimiter.Create(options);

        var granted = Enumerable.Range(0, 20).Count(i => limiter.AttemptAcquire(new RateLimitSubject("small", $"app-{i}")).IsAcquired);
        var grantedBig = Enumerable.Range(0, 60).Count(i => limiter.AttemptAcquire(new RateLimitSubject("big", $"app-{i}")).IsAcquired);

        Assert.Equal(5, granted);
        Assert.Equal(50, grantedBig);
    }

    [Fact]
    public async Task An_empty_bucket_refills_at_the_configured_rate()
    {
        using var limiter = TenantRateLimiter.Create(new RateLimitOptions { Client = new RateLimit { PerSecond = 20, Burst = 1 } });
        var app = new RateLimitSubject("t", "a");
        Assert.True(limiter.AttemptAcquire(app).IsAcquired);
        Assert.False(limiter.AttemptAcquire(app).IsAcquired);

        await Task.Delay(TimeSpan.FromMilliseconds(300));

        Assert.True(limiter.AttemptAcquire(app).IsAcquired);
    }
}
