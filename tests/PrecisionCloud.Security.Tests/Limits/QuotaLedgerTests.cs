using PrecisionCloud.Security.Limits;

namespace PrecisionCloud.Security.Tests.Limits;

public sealed class QuotaLedgerTests
{
    private static long? Limits(string tenant, string resource) => (tenant, resource) switch
    {
        ("tenant-a", "vcpu") => 16,
        ("tenant-a", "instances") => 2,
        _ => null,
    };

    [Fact]
    public void Reservations_are_granted_up_to_the_limit_and_the_refusal_says_why()
    {
        var ledger = new QuotaLedger(Limits);
        using var first = ledger.TryReserve("tenant-a", "vcpu", 10, out _);
        Assert.NotNull(first);

        Assert.Null(ledger.TryReserve("tenant-a", "vcpu", 7, out var refusal));
        Assert.Equal("tenant 'tenant-a' quota on vcpu is 16; 10 used, 7 more asked", refusal);
        using var fits = ledger.TryReserve("tenant-a", "vcpu", 6, out _);
        Assert.NotNull(fits);
        Assert.Equal(16, ledger.Used("tenant-a", "vcpu"));
    }

    [Fact]
    public void Giving_back_frees_the_amount_once_and_unlimited_resources_are_not_limited()
    {
        var ledger = new QuotaLedger(Limits);
        var reservation = ledger.TryReserve("tenant-a", "instances", 2, out _)!;
        reservation.Dispose();
        reservation.Dispose();

        Assert.Equal(0, ledger.Used("tenant-a", "instances"));
        Assert.NotNull(ledger.TryReserve("tenant-a", "instances", 2, out _));
        Assert.NotNull(ledger.TryReserve("tenant-b", "vcpu", 1_000_000, out _));
    }

    [Fact]
    public async Task Concurrent_reservations_never_exceed_the_limit_and_usage_stays_exact()
    {
        var ledger = new QuotaLedger((_, _) => 1_000);
        var granted = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                if (ledger.TryReserve("t", "vcpu", 1, out _) is { } reservation)
                {
                    Interlocked.Increment(ref granted);
                    if (i % 2 == 0)
                    {
                        reservation.Dispose();
                        Interlocked.Decrement(ref granted);
                    }
                }
            }
        })));

        Assert.Equal(granted, ledger.Used("t", "vcpu"));
        Assert.True(granted <= 1_000);
    }
}
