using BenchmarkDotNet.Running;
using KnowRec.Benchmarks.Tuning;

// `tune …` runs the validation grid search (see ValidationGrid); anything else picks benchmarks, e.g.
// `dotnet run -c Release -- --filter '*Splitter*'`.
if (args is ["tune", .. var rest])
{
    ValidationGrid.Run(rest);
    return;
}

if (args is ["tune-ranking", .. var grid])
{
    RankingValidationGrid.Run(grid);
    return;
}

if (args is ["neural-curve", .. var curve])
{
    NeuralCurve.Run(curve);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(KnowRec.Benchmarks.Data.SplitterBenchmarks).Assembly).Run(args);
