using BenchmarkDotNet.Running;

// Pick benchmarks on the command line, e.g. `dotnet run -c Release -- --filter '*Splitter*'`.
BenchmarkSwitcher.FromAssembly(typeof(KnowRec.Benchmarks.Data.SplitterBenchmarks).Assembly).Run(args);
