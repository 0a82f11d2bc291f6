using FsCheck;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources.Tests.Tenancy;

public sealed class QuotaLedgerTests
{
    private static readonly ResourceQuantities Limits = new(8000, 8192, 10, 4, 100, 2, 2);

    [Fact]
    public void A_reservation_over_a_limit_names_the_quantity_and_changes_nothing()
    {
        var ledger = new QuotaLedger();
        ledger.SetLimits("t", Limits);
        ledger.Apply("t", new ResourceQuantities(4000, 4096, 1, 0, 0, 0, 0));

        var refused = Assert.Throws<QuotaExceededException>(() => ledger.Apply("t", new ResourceQuantities(1000, 8192, 1, 0, 0, 0, 0)));

        Assert.Equal(QuotaResource.MemoryMiB, refused.Resource);
        Assert.Equal(8192, refused.Limit);
        Assert.Equal(4096, refused.InUse);
        Assert.Equal(new ResourceQuantities(4000, 4096, 1, 0, 0, 0, 0), ledger.GetUsage("t"));
    }

    [Fact]
    public void Shrinking_is_allowed_over_a_lowered_limit_and_releasing_twice_is_refused()
    {
        var ledger = new QuotaLedger();
        ledger.SetLimits("t", Limits);
        ledger.Apply("t", new ResourceQuantities(6000, 0, 3, 0, 0, 0, 0));
        ledger.SetLimits("t", Limits with { MilliCpus = 1000 });

        ledger.Apply("t", new ResourceQuantities(-2000, 0, -1, 0, 0, 0, 0));
        Assert.Throws<QuotaExceededException>(() => ledger.Apply("t", new ResourceQuantities(1, 0, 0, 0, 0, 0, 0)));
        Assert.Throws<InvalidOperationException>(() => ledger.Apply("t", new ResourceQuantities(-5000, 0, 0, 0, 0, 0, 0)));
        Assert.Equal(new ResourceQuantities(4000, 0, 2, 0, 0, 0, 0), ledger.GetUsage("t"));
        Assert.False(ledger.TryRemove("t"));
    }

    [Fact]
    public void An_unknown_tenant_is_a_typed_error() =>
        Assert.Throws<ResourceNotFoundException>(() => new QuotaLedger().Apply("nobody", new ResourceQuantities(1, 0, 0, 0, 0, 0, 0)));

    // Many threads reserve and release at random; at every moment usage stays within [0, limit], and at the end it
    // equals exactly what the threads still hold.
    [FsCheck.Xunit.Property(MaxTest = 30)]
    public void Usage_stays_exact_and_within_limits_under_concurrency(PositiveInt seed)
    {
        var ledger = new QuotaLedger();
        ledger.SetLimits("t", Limits);
        var held = new ResourceQuantities[4];
        var violations = 0;
        Parallel.For(0, 4, worker =>
        {
            var random = new Random(seed.Get + worker);
            var mine = new Stack<ResourceQuantities>();
            for (var step = 0; step < 500; step++)
            {
                if (mine.Count > 0 && random.Next(3) == 0)
                {
                    ledger.Apply("t", ResourceQuantities.Zero - mine.Pop());
                }
                else
                {
                    var demand = new ResourceQuantities(random.Next(0, 3000), random.Next(0, 3000), 1, random.Next(0, 2), random.Next(0, 40), random.Next(0, 2), random.Next(0, 2));
                    try
                    {
                        ledger.Apply("t", demand);
                        mine.Push(demand);
                    }
                    catch (QuotaExceededException)
                    {
                    }
                }

                var usage = ledger.GetUsage("t");
                if (usage.AnyNegative || usage.FirstOver(Limits) is not null)
                {
                    Interlocked.Increment(ref violations);
                }
            }

            held[worker] = mine.Aggregate(ResourceQuantities.Zero, (sum, d) => sum + d);
        });

        var expected = held.Aggregate(ResourceQuantities.Zero, (sum, d) => sum + d);
        Assert.Equal(0, violations);
        Assert.Equal(expected, ledger.GetUsage("t"));
    }
}
