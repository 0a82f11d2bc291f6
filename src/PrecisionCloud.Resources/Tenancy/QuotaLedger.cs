namespace PrecisionCloud.Resources.Tenancy;

/// <summary>
/// Tenants' usage against their quotas, exact under concurrency: a reservation either fits whole and is counted, or
/// is refused with the quantity at fault and changes nothing; releases never take usage below zero.
/// </summary>
public sealed class QuotaLedger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.Ordinal);

    /// <summary>Sets (or replaces) a tenant's limits, keeping its usage. Usage above a lowered limit stays until released.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="limits">The limits.</param>
    public void SetLimits(string tenant, ResourceQuantities limits)
    {
        lock (_lock)
        {
            if (_accounts.TryGetValue(tenant, out var account))
            {
                account.Limits = limits;
            }
            else
            {
                _accounts[tenant] = new Account { Limits = limits };
            }
        }
    }

    /// <summary>Forgets a tenant; refused while it still holds anything.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns><see langword="true"/> when forgotten or unknown; <see langword="false"/> while it holds resources.</returns>
    public bool TryRemove(string tenant)
    {
        lock (_lock)
        {
            if (!_accounts.TryGetValue(tenant, out var account))
            {
                return true;
            }

            if (account.Usage != ResourceQuantities.Zero)
            {
                return false;
            }

            _accounts.Remove(tenant);
            return true;
        }
    }

    /// <summary>What a tenant holds now.</summary>
    /// <param name="tenant">The tenant.</param>
    public ResourceQuantities GetUsage(string tenant)
    {
        lock (_lock)
        {
            return _accounts.TryGetValue(tenant, out var account) ? account.Usage : ResourceQuantities.Zero;
        }
    }

    /// <summary>A tenant's limits, or <see langword="null"/> for an unknown tenant.</summary>
    /// <param name="tenant">The tenant.</param>
    public ResourceQuantities? GetLimits(string tenant)
    {
        lock (_lock)
        {
            return _accounts.TryGetValue(tenant, out var account) ? account.Limits : null;
        }
    }

    /// <summary>Counts a change of holdings (positive or negative parts) if the result fits the limits.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="change">What is added (positive) and given back (negative).</param>
    /// <exception cref="QuotaExceededException">An increased quantity would exceed its limit; nothing was counted.</exception>
    /// <exception cref="ResourceNotFoundException">The tenant is unknown.</exception>
    /// <exception cref="InvalidOperationException">A release would take usage below zero (a caller released twice).</exception>
    public void Apply(string tenant, ResourceQuantities change)
    {
        lock (_lock)
        {
            if (!_accounts.TryGetValue(tenant, out var account))
            {
                throw new ResourceNotFoundException(ResourceKind.Tenant, tenant);
            }

            var next = account.Usage + change;
            foreach (var resource in Enum.GetValues<QuotaResource>())
            {
                // A change only fails on what it increases: shrinking a holding is always allowed, even over a lowered limit.
                if (change[resource] > 0 && next[resource] > account.Limits[resource])
                {
                    throw new QuotaExceededException(tenant, resource, account.Limits[resource], account.Usage[resource], change[resource]);
                }
            }

            if (next.AnyNegative)
            {
                throw new InvalidOperationException($"tenant '{tenant}' usage would go below zero: {account.Usage} + {change}");
            }

            account.Usage = next;
        }
    }

    /// <summary>Counts a holding without checking limits (restoring stored state after a restart).</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="holding">What it holds.</param>
    public void Restore(string tenant, ResourceQuantities holding)
    {
        lock (_lock)
        {
            if (!_accounts.TryGetValue(tenant, out var account))
            {
                account = new Account { Limits = ResourceQuantities.Zero };
                _accounts[tenant] = account;
            }

            account.Usage += holding;
        }
    }

    /// <summary>Forgets every tenant (a start that failed half-way).</summary>
    internal void Clear()
    {
        lock (_lock)
        {
            _accounts.Clear();
        }
    }

    private sealed class Account
    {
        public ResourceQuantities Limits { get; set; }

        public ResourceQuantities Usage { get; set; }
    }
}
