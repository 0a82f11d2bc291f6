using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Mec.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
