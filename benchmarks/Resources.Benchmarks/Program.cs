using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Resources.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
