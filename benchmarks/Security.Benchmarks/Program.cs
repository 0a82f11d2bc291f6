using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Security.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
