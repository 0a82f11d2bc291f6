using PrecisionCloud.Resources.Networking;

namespace PrecisionCloud.Resources.Providers;

/// <summary>A provider that realises networks and security policies.</summary>
public interface INetworkProvider : IResourceProvider
{
    /// <summary>Makes the network exist as specified. Idempotent.</summary>
    /// <param name="deployment">The network.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ObservedResource> ApplyNetworkAsync(ResourceDeployment<NetworkSpec> deployment, CancellationToken cancellationToken);

    /// <summary>Deletes the network with this uid; succeeds when it is already gone.</summary>
    /// <param name="uid">The network's uid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteNetworkAsync(string uid, CancellationToken cancellationToken);

    /// <summary>Every network this provider holds for the unified model.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ObservedResource>> ListNetworksAsync(CancellationToken cancellationToken);

    /// <summary>Makes the security policy exist as specified. Idempotent.</summary>
    /// <param name="deployment">The policy.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ObservedResource> ApplySecurityPolicyAsync(ResourceDeployment<SecurityPolicySpec> deployment, CancellationToken cancellationToken);

    /// <summary>Deletes the security policy with this uid; succeeds when it is already gone.</summary>
    /// <param name="uid">The policy's uid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteSecurityPolicyAsync(string uid, CancellationToken cancellationToken);

    /// <summary>Every security policy this provider holds for the unified model.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<ObservedResource>> ListSecurityPoliciesAsync(CancellationToken cancellationToken);
}
