namespace PrecisionCloud.Security.Limits;

/// <summary>An amount of a tenant's quota held until disposed (once: disposing again gives nothing back twice).</summary>
public sealed class QuotaReservation : IDisposable
{
    private readonly QuotaLedger _ledger;
    private int _released;

    internal QuotaReservation(QuotaLedger ledger, string tenant, string resource, long amount)
    {
        _ledger = ledger;
        Tenant = tenant;
        Resource = resource;
        Amount = amount;
    }

    /// <summary>The tenant.</summary>
    public string Tenant { get; }

    /// <summary>The resource.</summary>
    public string Resource { get; }

    /// <summary>The amount held.</summary>
    public long Amount { get; }

    /// <summary>Gives the amount back to the tenant's quota.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _ledger.Release(Tenant, Resource, Amount);
        }
    }
}
