using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources.Tests.Fakes;

/// <summary>
/// A backend held in memory for testing the model above the providers: it keeps what it is given, reports it
/// back, and lets a test act behind the model's back (delete, change, exit, fail).
/// </summary>
public sealed class InMemoryProvider : IComputeProvider, IStorageProvider, INetworkProvider, ITenancyProvider
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ObservedWorkload> _workloads = [];
    private readonly Dictionary<string, ObservedResource> _volumes = [];
    private readonly Dictionary<string, ObservedResource> _networks = [];
    private readonly Dictionary<string, ObservedResource> _policies = [];
    private readonly Dictionary<string, ObservedResource> _tenants = [];

    public InMemoryProvider(string name, IReadOnlyList<ProviderNode> nodes, ProviderCapabilities? capabilities = null)
    {
        Name = name;
        Nodes = nodes;
        Capabilities = capabilities ?? new ProviderCapabilities
        {
            Kinds = new HashSet<WorkloadKind> { WorkloadKind.Container, WorkloadKind.VirtualMachine },
            CpuLimits = true,
            MemoryLimits = true,
            VolumeKinds = new HashSet<VolumeKind> { VolumeKind.File, VolumeKind.Block },
            Networks = true,
            FixedAddresses = true,
            MultipleNetworks = true,
            SecurityPolicies = true,
            TenantIsolation = true,
        };
    }

    public string Name { get; }

    public ProviderCapabilities Capabilities { get; }

    public IReadOnlyList<ProviderNode> Nodes { get; set; }

    /// <summary>Calls made (apply and delete), for counting.</summary>
    public int Calls { get; private set; }

    /// <summary>When set, every apply and delete throws it.</summary>
    public Exception? FailWith { get; set; }

    /// <summary>The state new replicas start in.</summary>
    public ReplicaState StartState { get; set; } = ReplicaState.Running;

    public IReadOnlyDictionary<string, ObservedWorkload> Workloads
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, ObservedWorkload>(_workloads);
            }
        }
    }

    /// <summary>The deployments applied, last per uid.</summary>
    public Dictionary<string, WorkloadDeployment> Deployments { get; } = [];

    public int VolumeCount => Count(_volumes);

    public int NetworkCount => Count(_networks);

    public int TenantCount => Count(_tenants);

    public int PolicyCount => Count(_policies);

    public Task<IReadOnlyList<ProviderNode>> GetNodesAsync(CancellationToken cancellationToken) => Task.FromResult(Nodes);

    public Task<ObservedWorkload> ApplyWorkloadAsync(WorkloadDeployment deployment, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Calls++;
            ThrowIfFailing();
            var replicas = deployment.Kind == WorkloadKind.Container ? deployment.Spec.Replicas : 1;
            var observed = new ObservedWorkload(deployment.Uid, "mem-" + deployment.Uid, deployment.SpecHash,
                [.. Enumerable.Range(0, replicas).Select(i => new ObservedReplica(i, StartState, null, deployment.Node))]);
            _workloads[deployment.Uid] = observed;
            Deployments[deployment.Uid] = deployment;
            return Task.FromResult(observed);
        }
    }

    public Task DeleteWorkloadAsync(string uid, CancellationToken cancellationToken) => Delete(_workloads, uid);

    public Task<IReadOnlyList<ObservedWorkload>> ListWorkloadsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ObservedWorkload>>([.. _workloads.Values]);
        }
    }

    public Task<ObservedResource> ApplyVolumeAsync(ResourceDeployment<VolumeSpec> deployment, CancellationToken cancellationToken) => Apply(_volumes, deployment.Uid, deployment.SpecHash, "vol-");

    public Task DeleteVolumeAsync(string uid, CancellationToken cancellationToken) => Delete(_volumes, uid);

    public Task<IReadOnlyList<ObservedResource>> ListVolumesAsync(CancellationToken cancellationToken) => List(_volumes);

    public Task<ObservedResource> ApplyNetworkAsync(ResourceDeployment<NetworkSpec> deployment, CancellationToken cancellationToken) => Apply(_networks, deployment.Uid, deployment.SpecHash, "net-");

    public Task DeleteNetworkAsync(string uid, CancellationToken cancellationToken) => Delete(_networks, uid);

    public Task<IReadOnlyList<ObservedResource>> ListNetworksAsync(CancellationToken cancellationToken) => List(_networks);

    public Task<ObservedResource> ApplySecurityPolicyAsync(ResourceDeployment<SecurityPolicySpec> deployment, CancellationToken cancellationToken) => Apply(_policies, deployment.Uid, deployment.SpecHash, "sg-");

    public Task DeleteSecurityPolicyAsync(string uid, CancellationToken cancellationToken) => Delete(_policies, uid);

    public Task<IReadOnlyList<ObservedResource>> ListSecurityPoliciesAsync(CancellationToken cancellationToken) => List(_policies);

    public Task<ObservedResource> ApplyTenantAsync(ResourceDeployment<TenantSpec> deployment, CancellationToken cancellationToken) => Apply(_tenants, deployment.Uid, deployment.SpecHash, "ns-");

    public Task DeleteTenantAsync(string uid, CancellationToken cancellationToken) => Delete(_tenants, uid);

    public Task<IReadOnlyList<ObservedResource>> ListTenantsAsync(CancellationToken cancellationToken) => List(_tenants);

    /// <summary>Removes a workload behind the model's back.</summary>
    public void RemoveBehindBack(string uid)
    {
        lock (_lock)
        {
            _workloads.Remove(uid);
        }
    }

    /// <summary>Changes a workload behind the model's back (its applied hash no longer matches).</summary>
    public void ChangeBehindBack(string uid)
    {
        lock (_lock)
        {
            _workloads[uid] = _workloads[uid] with { SpecHash = "tampered" };
        }
    }

    /// <summary>Makes every replica of a workload exit with a code.</summary>
    public void Exit(string uid, int exitCode)
    {
        lock (_lock)
        {
            var workload = _workloads[uid];
            _workloads[uid] = workload with { Replicas = [.. workload.Replicas.Select(r => r with { State = ReplicaState.Exited, ExitCode = exitCode })] };
        }
    }

    /// <summary>Adds a workload the model never asked for.</summary>
    public void AddStray(string uid)
    {
        lock (_lock)
        {
            _workloads[uid] = new ObservedWorkload(uid, "mem-" + uid, "stray", [new ObservedReplica(0, ReplicaState.Running)]);
        }
    }

    private Task<ObservedResource> Apply(Dictionary<string, ObservedResource> store, string uid, string hash, string prefix)
    {
        lock (_lock)
        {
            Calls++;
            ThrowIfFailing();
            var observed = new ObservedResource(uid, prefix + uid, hash, true);
            store[uid] = observed;
            return Task.FromResult(observed);
        }
    }

    private Task Delete<T>(Dictionary<string, T> store, string uid)
    {
        lock (_lock)
        {
            Calls++;
            ThrowIfFailing();
            store.Remove(uid);
            return Task.CompletedTask;
        }
    }

    private Task<IReadOnlyList<ObservedResource>> List(Dictionary<string, ObservedResource> store)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ObservedResource>>([.. store.Values]);
        }
    }

    private int Count<T>(Dictionary<string, T> store)
    {
        lock (_lock)
        {
            return store.Count;
        }
    }

    private void ThrowIfFailing()
    {
        if (FailWith is { } exception)
        {
            throw exception;
        }
    }
}
