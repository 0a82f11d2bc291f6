using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Pfcp.Benchmarks -- --filter '*Establish*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
