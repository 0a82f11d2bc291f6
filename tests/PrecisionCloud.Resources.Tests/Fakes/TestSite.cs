using Microsoft.Extensions.Logging.Abstractions;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources.Tests.Fakes;

/// <summary>A resource manager over an in-memory provider, with a database file of its own.</summary>
public sealed class TestSite : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pc-resources-").FullName;

    public TestSite(int nodes = 2, Action<ResourceOptions>? configure = null, InMemoryProvider? provider = null)
    {
        Provider = provider ?? new InMemoryProvider("mem", [.. Enumerable.Range(0, nodes).Select(i => Node($"node-{i}", vcpus: 8, memoryMiB: 16384))]);
        Options = new ResourceOptions { DatabasePath = Path.Combine(_directory, "resources.db"), RetryInitialDelay = TimeSpan.FromMilliseconds(10), RetryMaxDelay = TimeSpan.FromMilliseconds(100) };
        configure?.Invoke(Options);
        Manager = Open();
    }

    public InMemoryProvider Provider { get; }

    public ResourceOptions Options { get; }

    public ResourceManager Manager { get; private set; }

    public static ProviderNode Node(string name, double vcpus, long memoryMiB, string site = "default", LatencyClass latency = LatencyClass.Edge,
        IReadOnlyDictionary<string, string>? labels = null, params WorkloadKind[] kinds) => new()
        {
            Name = name,
            Site = site,
            LatencyClass = latency,
            Labels = labels ?? new Dictionary<string, string>(),
            Kinds = kinds.Length == 0 ? new HashSet<WorkloadKind>() : [.. kinds],
            Capacity = new NodeCapacity { VCpus = vcpus, MemoryMiB = memoryMiB, DiskGiB = 100 },
        };

    public static WorkloadSpec Container(string tenant, string name, double vcpus = 1, long memoryMiB = 512, int replicas = 1, params string[] networks) => new()
    {
        Tenant = tenant,
        Name = name,
        Image = new WorkloadImage("busybox:latest"),
        Resources = new WorkloadResources { VCpus = vcpus, MemoryMiB = memoryMiB },
        Replicas = replicas,
        Networks = [.. networks.Select(n => new NetworkAttachment(n))],
    };

    /// <summary>Starts the manager with a tenant "t1" (quota as given) and a network "net" 10.1.0.0/24.</summary>
    public async Task<ResourceManager> StartWithTenantAsync(TenantQuota? quota = null)
    {
        await Manager.StartAsync(CancellationToken.None);
        await Manager.ApplyTenantAsync(new TenantSpec { Name = "t1", Quota = quota ?? new TenantQuota() }, CancellationToken.None);
        await Manager.ApplyNetworkAsync(new NetworkSpec { Tenant = "t1", Name = "net", Subnets = [new SubnetSpec("10.1.0.0/24")] }, CancellationToken.None);
        return Manager;
    }

    /// <summary>Stops this manager and opens another on the same database, as after a process restart.</summary>
    public async Task<ResourceManager> RestartAsync()
    {
        Manager.Dispose();
        Manager = Open();
        await Manager.StartAsync(CancellationToken.None);
        return Manager;
    }

    public void Dispose()
    {
        Manager.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private ResourceManager Open() => new([Provider], Microsoft.Extensions.Options.Options.Create(Options), NullLogger<ResourceManager>.Instance);
}
