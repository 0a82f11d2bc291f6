using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/UserPlane.Benchmarks -- --filter '*Uplink*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
