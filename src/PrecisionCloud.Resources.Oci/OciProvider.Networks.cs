using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Oci.Networking;
using PrecisionCloud.Resources.Oci.Runtime;
using PrecisionCloud.Resources.Providers;

namespace PrecisionCloud.Resources.Oci;

public sealed partial class OciProvider
{
    private string NetworksDirectory => Path.Combine(_options.RootDirectory, "networks");

    private string PoliciesDirectory => Path.Combine(_options.RootDirectory, "policies");

    /// <inheritdoc/>
    /// <remarks>A network is a Linux bridge holding each subnet's gateway address.</remarks>
    public async Task<ObservedResource> ApplyNetworkAsync(ResourceDeployment<NetworkSpec> deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var host = await HostAsync(cancellationToken).ConfigureAwait(false);
        var networking = _networking ?? throw new InvalidOperationException($"provider '{Name}' cannot realise networks here: {Missing(host, "Networks")}");
        if (!IsUid(deployment.Uid))
        {
            throw new ArgumentException($"'{deployment.Uid}' is not a uid", nameof(deployment));
        }

        await networking.EnsureBridgeAsync(deployment.Uid, deployment.Spec, cancellationToken).ConfigureAwait(false);
        var record = new ResourceRecord(deployment.Uid, deployment.SpecHash, OciNetworking.BridgeName(deployment.Uid));
        await WriteRecordAsync(Path.Combine(NetworksDirectory, deployment.Uid + ".json"), record, OciJsonContext.Default.ResourceRecord, cancellationToken).ConfigureAwait(false);
        return new ObservedResource(record.Uid, record.BackendId, record.SpecHash, true);
    }

    /// <inheritdoc/>
    public async Task DeleteNetworkAsync(string uid, CancellationToken cancellationToken)
    {
        if (!IsUid(uid))
        {
            return;
        }

        await HostAsync(cancellationToken).ConfigureAwait(false);
        if (_networking is { } networking)
        {
            await networking.DeleteBridgeAsync(uid, cancellationToken).ConfigureAwait(false);
        }

        File.Delete(Path.Combine(NetworksDirectory, uid + ".json"));
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ObservedResource>> ListNetworksAsync(CancellationToken cancellationToken)
    {
        await HostAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<ObservedResource>();
        if (_networking is { } networking && Directory.Exists(NetworksDirectory))
        {
            foreach (var file in Directory.GetFiles(NetworksDirectory, "*.json"))
            {
                // A bridge deleted behind our back is reported missing, and the reconciler makes it again.
                if (ReadRecord(file, OciJsonContext.Default.ResourceRecord) is { } record && await networking.BridgeExistsAsync(record.Uid, cancellationToken).ConfigureAwait(false))
                {
                    result.Add(new ObservedResource(record.Uid, record.BackendId, record.SpecHash, true));
                }
            }
        }

        return result;
    }

    /// <inheritdoc/>
    /// <remarks>The rules are enforced by nftables in the namespace of each container the policy applies to, set when it starts.</remarks>
    public async Task<ObservedResource> ApplySecurityPolicyAsync(ResourceDeployment<SecurityPolicySpec> deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var host = await HostAsync(cancellationToken).ConfigureAwait(false);
        if (!host.Capabilities.SecurityPolicies)
        {
            throw new InvalidOperationException($"provider '{Name}' cannot enforce security policies here: {Missing(host, "SecurityPolicies")}");
        }

        if (!IsUid(deployment.Uid))
        {
            throw new ArgumentException($"'{deployment.Uid}' is not a uid", nameof(deployment));
        }

        var record = new ResourceRecord(deployment.Uid, deployment.SpecHash, "nft:" + deployment.Uid);
        await WriteRecordAsync(Path.Combine(PoliciesDirectory, deployment.Uid + ".json"), record, OciJsonContext.Default.ResourceRecord, cancellationToken).ConfigureAwait(false);
        return new ObservedResource(record.Uid, record.BackendId, record.SpecHash, true);
    }

    /// <inheritdoc/>
    public Task DeleteSecurityPolicyAsync(string uid, CancellationToken cancellationToken)
    {
        if (IsUid(uid))
        {
            File.Delete(Path.Combine(PoliciesDirectory, uid + ".json"));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ObservedResource>> ListSecurityPoliciesAsync(CancellationToken cancellationToken)
    {
        var result = new List<ObservedResource>();
        if (Directory.Exists(PoliciesDirectory))
        {
            foreach (var file in Directory.GetFiles(PoliciesDirectory, "*.json"))
            {
                if (ReadRecord(file, OciJsonContext.Default.ResourceRecord) is { } record)
                {
                    result.Add(new ObservedResource(record.Uid, record.BackendId, record.SpecHash, true));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<ObservedResource>>(result);
    }
}
