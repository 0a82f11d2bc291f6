using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Storage;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources;

public sealed partial class ResourceManager
{
    /// <summary>Changes the status of a tenant, network or security policy if it is still the one seen. Caller holds the writer.</summary>
    internal bool UpdateStatus(ResourceKind kind, string key, string uid, Func<ResourceStatus, ResourceStatus> change, string reason)
    {
        switch (kind)
        {
            case ResourceKind.Tenant when _tenants.TryGetValue(key, out var tenant) && tenant.Uid == uid:
                return Update(tenant.Status, change, status => tenant with { Status = status }, record => _tenants[key] = record, kind, key, reason);
            case ResourceKind.Network when _networks.TryGetValue(key, out var network) && network.Uid == uid:
                return Update(network.Status, change, status => network with { Status = status }, record => _networks[key] = record, kind, key, reason);
            case ResourceKind.SecurityPolicy when _policies.TryGetValue(key, out var policy) && policy.Uid == uid:
                return Update(policy.Status, change, status => policy with { Status = status }, record => _policies[key] = record, kind, key, reason);
            default:
                return false;
        }
    }

    /// <summary>Changes a volume if it is still the one seen. Caller holds the writer.</summary>
    internal bool UpdateVolume(Volume seen, Func<Volume, Volume> change, string reason)
    {
        if (!_volumes.TryGetValue(seen.Key, out var current) || current.Uid != seen.Uid)
        {
            return false;
        }

        var next = change(current);
        if (ReferenceEquals(next, current))
        {
            return false;
        }

        Commit(ResourceKind.Volume, current.Key, ResourceChangeType.Modified, reason, next);
        _volumes[current.Key] = next;

        // A workload waiting for this volume's backend id can now be deployed with it.
        if (current.Status.BackendId != next.Status.BackendId)
        {
            RehashWorkloads(w => w.Spec.Tenant == next.Spec.Tenant && w.Spec.Volumes.Any(v => v.Volume == next.Spec.Name), $"volume '{next.Spec.Name}' ready");
        }

        return true;
    }

    /// <summary>Forgets a tenant, network, security policy or volume whose deletion the backends completed. Caller holds the writer.</summary>
    internal void Forget(object record)
    {
        switch (record)
        {
            case Tenant tenant:
                ForgetTenant(tenant);
                break;
            case Network network:
                ForgetNetwork(network);
                break;
            case SecurityPolicy policy:
                ForgetSecurityPolicy(policy);
                break;
            case Volume volume:
                ForgetVolume(volume);
                break;
        }
    }

    private bool Update<T>(ResourceStatus status, Func<ResourceStatus, ResourceStatus> change, Func<ResourceStatus, T> build, Action<T> store, ResourceKind kind, string key, string reason)
        where T : class
    {
        var next = change(status);
        if (ReferenceEquals(next, status))
        {
            return false;
        }

        var record = build(next);
        Commit(kind, key, ResourceChangeType.Modified, reason, record);
        store(record);
        return true;
    }
}
