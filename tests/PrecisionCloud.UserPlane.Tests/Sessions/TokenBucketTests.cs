using System.Diagnostics;
using PrecisionCloud.UserPlane.Sessions;

namespace PrecisionCloud.UserPlane.Tests.Sessions;

public sealed class TokenBucketTests
{
    private static readonly long Second = Stopwatch.Frequency;

    [Fact]
    public void A_full_bucket_lets_the_burst_through_then_refills_at_the_rate()
    {
        // 8 Mbit/s = 1,000,000 bytes/s; 100 ms of burst = 100,000 bytes.
        var bucket = new TokenBucket(8_000, TimeSpan.FromMilliseconds(100), nowTicks: 0);

        Assert.True(bucket.TryConsume(100_000, 0));
        Assert.False(bucket.TryConsume(1, 0));

        // 10 ms later, 10,000 bytes have come back: exactly that much passes.
        Assert.True(bucket.TryConsume(10_000, Second / 100));
        Assert.False(bucket.TryConsume(1, Second / 100));
    }

    [Fact]
    public void Refill_stops_at_the_burst_even_after_a_long_idle_time()
    {
        var bucket = new TokenBucket(8_000, TimeSpan.FromMilliseconds(100), nowTicks: 0);
        Assert.True(bucket.TryConsume(100_000, 0));

        var aDayLater = 86_400 * Second;
        Assert.True(bucket.TryConsume(100_000, aDayLater));
        Assert.False(bucket.TryConsume(1, aDayLater));
    }

    [Fact]
    public void Slow_rates_keep_a_burst_of_at_least_one_large_packet()
    {
        var bucket = new TokenBucket(8, TimeSpan.FromMilliseconds(100), nowTicks: 0); // 1,000 bytes/s

        Assert.True(bucket.TryConsume(1600, 0));
        Assert.False(bucket.TryConsume(1, 0));
        Assert.True(bucket.TryConsume(1, Second / 1000)); // one byte per millisecond
    }

    [Fact]
    public void The_largest_rates_pfcp_can_carry_do_not_overflow()
    {
        // MBR is a 40-bit number of kbit/s in PFCP.
        var bucket = new TokenBucket((1UL << 40) - 1, TimeSpan.FromSeconds(10), nowTicks: 0);

        for (var i = 0; i < 1000; i++)
        {
            Assert.True(bucket.TryConsume(65_535, i * Second));
        }
    }
}
