using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace PrecisionCloud.Resources.Benchmarks;

/// <summary>One core (the process pinned to CPU 0), few long iterations: each operation is a whole batch.</summary>
public sealed class OneCoreConfig : ManualConfig
{
    public OneCoreConfig()
    {
        AddJob(Job.Default.WithAffinity(1).WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(7));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
