namespace PrecisionCloud.Security.Limits;

/// <summary>
/// Quotas per tenant on countable resources (vCPUs, memory, instances, volumes, ...): a reservation is granted only
/// if it keeps the tenant within its limit, and usage stays exact under any number of concurrent callers (one lock
/// per tenant). A refusal says what is used, what was asked and what the limit is. Resources without a limit for
/// the tenant are not limited. Thread-safe.
/// </summary>
public sealed class QuotaLedger
{
    private readonly Func<string, string, long?> _limitOf;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TenantUsage> _tenants = new(StringComparer.Ordinal);

    /// <summary>A ledger with these limits.</summary>
    /// <param name="limitOf">The limit of a tenant (first argument) on a resource (second), or none for no limit.</param>
    public QuotaLedger(Func<string, string, long?> limitOf)
    {
        ArgumentNullException.ThrowIfNull(limitOf);
        _limitOf = limitOf;
    }

    /// <summary>Reserves <paramref name="amount"/> of a resource for a tenant, if its quota allows.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="resource">The resource (for example <c>vcpu</c>, <c>memory-mib</c>, <c>instances</c>).</param>
    /// <param name="amount">How much, at least 1.</param>
    /// <param name="refusal">Why not, when refused.</param>
    /// <returns>The reservation (dispose it to give the amount back), or none when refused.</returns>
    public QuotaReservation? TryReserve(string tenant, string resource, long amount, out string? refusal)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, 1);
        var usage = _tenants.GetOrAdd(tenant, static _ => new TenantUsage());
        var limit = _limitOf(tenant, resource);
        lock (usage)
        {
            var used = usage.Used.GetValueOrDefault(resource);
            if (limit is { } most && used + amount > most)
            {
                refusal = $"tenant '{tenant}' quota on {resource} is {most}; {used} used, {amount} more asked";
                return null;
            }

            usage.Used[resource] = used + amount;
        }

        refusal = null;
        return new QuotaReservation(this, tenant, resource, amount);
    }

    /// <summary>What a tenant uses of a resource now.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="resource">The resource.</param>
    /// <returns>The amount reserved and not given back.</returns>
    public long Used(string tenant, string resource)
    {
        if (!_tenants.TryGetValue(tenant, out var usage))
        {
            return 0;
        }

        lock (usage)
        {
            return usage.Used.GetValueOrDefault(resource);
        }
    }

    internal void Release(string tenant, string resource, long amount)
    {
        var usage = _tenants[tenant];
        lock (usage)
        {
            usage.Used[resource] -= amount;
        }
    }

    private sealed class TenantUsage
    {
        public Dictionary<string, long> Used { get; } = new(StringComparer.Ordinal);
    }
}
