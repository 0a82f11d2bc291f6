using PrecisionCloud.UserPlane.Rules;
using PrecisionCloud.UserPlane.Sessions;

namespace PrecisionCloud.UserPlane.Tests.Sessions;

public sealed class QerStateTests
{
    private static readonly TimeSpan Burst = TimeSpan.FromMilliseconds(100);

    // 8 Mbit/s up (a burst of 100,000 bytes), 16 Mbit/s down (200,000 bytes).
    private static readonly QosEnforcementRule Rule = new() { Id = 1, UplinkMbrKbps = 8_000, DownlinkMbrKbps = 16_000 };

    [Fact]
    public void Each_direction_has_its_own_bucket()
    {
        var qer = new QerState(Rule, previous: null, Burst, nowTicks: 0);

        Assert.True(qer.TryConsume(uplink: true, 100_000, 0));
        Assert.False(qer.TryConsume(uplink: true, 1, 0));
        Assert.True(qer.TryConsume(uplink: false, 200_000, 0));
        Assert.False(qer.TryConsume(uplink: false, 1, 0));
    }

    [Fact]
    public void A_new_version_with_the_same_rate_keeps_what_the_old_one_had_used()
    {
        var old = new QerState(Rule, previous: null, Burst, nowTicks: 0);
        Assert.True(old.TryConsume(uplink: true, 100_000, 0));

        var next = new QerState(Rule with { UplinkGateOpen = true }, old, Burst, nowTicks: 0);

        Assert.False(next.TryConsume(uplink: true, 1, 0));
        Assert.True(next.TryConsume(uplink: false, 200_000, 0));
    }

    [Fact]
    public void A_new_rate_starts_with_a_full_bucket_of_its_own_burst()
    {
        var old = new QerState(Rule, previous: null, Burst, nowTicks: 0);
        Assert.True(old.TryConsume(uplink: true, 100_000, 0));

        var next = new QerState(Rule with { UplinkMbrKbps = 16_000 }, old, Burst, nowTicks: 0);

        Assert.Equal(16_000UL, next.RateKbps(uplink: true));
        Assert.True(next.TryConsume(uplink: true, 200_000, 0));
        Assert.False(next.TryConsume(uplink: true, 1, 0));
    }

    [Fact]
    public void No_rate_means_no_policing_in_that_direction()
    {
        var qer = new QerState(Rule with { DownlinkMbrKbps = null }, previous: null, Burst, nowTicks: 0);

        Assert.True(qer.PolicesUplink);
        Assert.False(qer.PolicesDownlink);
        Assert.Null(qer.RateKbps(uplink: false));
    }
}
