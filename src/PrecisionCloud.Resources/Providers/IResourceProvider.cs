namespace PrecisionCloud.Resources.Providers;

/// <summary>
/// A backend of the unified resource model. A provider implements the concern interfaces it supports
/// (<see cref="IComputeProvider"/>, <see cref="IStorageProvider"/>, <see cref="INetworkProvider"/>,
/// <see cref="ITenancyProvider"/>); every operation is idempotent, keyed by the resource's uid.
/// </summary>
public interface IResourceProvider
{
    /// <summary>The provider's name, unique in a site (<c>oci</c>, <c>kubernetes</c>, <c>openstack-core</c>).</summary>
    string Name { get; }

    /// <summary>What it can do on this host.</summary>
    ProviderCapabilities Capabilities { get; }

    /// <summary>The nodes it can place workloads on, with their capacity.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ProviderNode>> GetNodesAsync(CancellationToken cancellationToken);
}
