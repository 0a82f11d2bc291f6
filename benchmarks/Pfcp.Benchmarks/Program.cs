using BenchmarkDotNet.Running;
using PrecisionCloud.UserPlane.Pfcp.Benchmarks;

// dotnet run -c Release --project benchmarks/Pfcp.Benchmarks -- --filter '*Establish*'
// dotnet run -c Release --project benchmarks/Pfcp.Benchmarks -- memory 1000000
if (args is ["memory", var count])
{
    MemoryPerSession.Measure(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
