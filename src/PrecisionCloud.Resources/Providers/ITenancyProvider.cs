using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources.Providers;

/// <summary>A provider that isolates tenants itself (projects, namespaces) and enforces their quotas.</summary>
public interface ITenancyProvider : IResourceProvider
{
    /// <summary>Makes the tenant exist with its quota and members. Idempotent.</summary>
    /// <param name="deployment">The tenant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ObservedResource> ApplyTenantAsync(ResourceDeployment<TenantSpec> deployment, CancellationToken cancellationToken);

    /// <summary>Deletes the tenant with this uid; succeeds when it is already gone.</summary>
    /// <param name="uid">The tenant's uid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteTenantAsync(string uid, CancellationToken cancellationToken);

    /// <summary>Every tenant this provider holds for the unified model.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ObservedResource>> ListTenantsAsync(CancellationToken cancellationToken);
}
