namespace PrecisionCloud.Resources.Tenancy;

/// <summary>A request would take a tenant over its quota; nothing of it was applied.</summary>
public sealed class QuotaExceededException : ResourceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="resource">The quantity over its limit.</param>
    /// <param name="limit">The limit.</param>
    /// <param name="inUse">What the tenant holds now.</param>
    /// <param name="requested">What the request adds.</param>
    public QuotaExceededException(string tenant, QuotaResource resource, long limit, long inUse, long requested)
        : base($"tenant '{tenant}' quota exceeded for {resource}: limit {limit}, in use {inUse}, requested {requested}")
    {
        Tenant = tenant;
        Resource = resource;
        Limit = limit;
        InUse = inUse;
        Requested = requested;
    }

    /// <summary>The tenant.</summary>
    public string Tenant { get; }

    /// <summary>The quantity over its limit.</summary>
    public QuotaResource Resource { get; }

    /// <summary>The limit.</summary>
    public long Limit { get; }

    /// <summary>What the tenant held when the request came.</summary>
    public long InUse { get; }

    /// <summary>What the request would have added.</summary>
    public long Requested { get; }
}
