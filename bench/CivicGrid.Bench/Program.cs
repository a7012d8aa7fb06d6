using BenchmarkDotNet.Running;
using CivicGrid.Bench;

if (args.Contains("--verify")) return Verify.Run();

BenchmarkSwitcher.FromAssembly(typeof(GridLookupBenchmarks).Assembly).Run(args);
return 0;
