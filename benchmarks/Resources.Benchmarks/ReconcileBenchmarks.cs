using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Tenancy;
using PrecisionCloud.Resources.Tests.Fakes;

namespace PrecisionCloud.Resources.Benchmarks;

/// <summary>
/// A reconcile pass over 10,000 workloads that are all as desired (the steady state of a site): list what the
/// backend holds, compare, change nothing. Baseline, in the same run: the same pass telling change from no change by
/// serializing and hashing each workload's spec, as a reconciler without stored hashes must.
/// </summary>
[Config(typeof(OneCoreConfig))]
public class ReconcileBenchmarks
{
    private const int Workloads = 10_000;
    private ResourceManager _manager = null!;
    private InMemoryProvider _provider = null!;

    [GlobalSetup]
    public void Setup()
    {
        var nodes = Enumerable.Range(0, 100).Select(i => new ProviderNode
        {
            Name = $"node-{i}",
            Capacity = new NodeCapacity { VCpus = 256, MemoryMiB = 1_048_576 },
        }).ToArray();
        _provider = new InMemoryProvider("mem", nodes);
        _manager = new ResourceManager([_provider], Options.Create(new ResourceOptions { DatabasePath = string.Empty }), NullLogger<ResourceManager>.Instance);
        _manager.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _manager.ApplyTenantAsync(new TenantSpec { Name = "t" }, CancellationToken.None).GetAwaiter().GetResult();
        for (var i = 0; i < Workloads; i++)
        {
            _manager.ApplyWorkloadAsync(new WorkloadSpec
            {
                Tenant = "t",
                Name = $"w{i}",
                Image = new WorkloadImage("app"),
                Resources = new WorkloadResources { VCpus = 0.5, MemoryMiB = 256 },
                Environment = new Dictionary<string, string> { ["INDEX"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }, CancellationToken.None).GetAwaiter().GetResult();
        }

        _manager.ReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();
        var steady = _manager.ReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (steady.Unchanged != Workloads + 1 || steady.Created + steady.Updated + steady.DriftRepaired != 0)
        {
            throw new InvalidOperationException($"the site is not steady: {steady}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _manager.Dispose();

    [Benchmark(Description = "reconcile pass: 10,000 unchanged workloads")]
    public int Pass() => _manager.ReconcileAsync(CancellationToken.None).GetAwaiter().GetResult().Unchanged;

    [Benchmark(Baseline = true, Description = "pass hashing each spec: 10,000 unchanged workloads")]
    public int HashingPass()
    {
        var observed = _provider.ListWorkloadsAsync(CancellationToken.None).GetAwaiter().GetResult().ToDictionary(o => o.Uid);
        var unchanged = 0;
        foreach (var workload in _manager.ListWorkloads())
        {
            var hash = ResourceManager.Hash(
                new HashInput(workload.Spec, workload.Status.Kind, workload.Status.Node!, workload.Status.Addresses, [], []),
                ResourcesJsonContext.Default.HashInput);
            if (observed.TryGetValue(workload.Uid, out var found) && found.SpecHash.Length == hash.Length)
            {
                unchanged++;
            }
        }

        return unchanged;
    }
}
