using BenchmarkDotNet.Running;
using KnowRec.Benchmarks.Models;
using KnowRec.Benchmarks.Timing;
using KnowRec.Benchmarks.Tuning;

// `tune …` runs the validation grid search (see ValidationGrid); anything else picks benchmarks, e.g.
// `dotnet run -c Release -- --filter '*Splitter*'`.
if (args is ["tune", .. var rest])
{
    ValidationGrid.Run(rest);
    return;
}

// `lightgcn-epoch …` times lightgcn training epochs on ML-1M (see LightGcnEpochTiming).
if (args is ["lightgcn-epoch", .. var timing])
{
    LightGcnEpochTiming.Run(timing);
    return;
}

// `lightgcn-curve …` prints lightgcn's validation NDCG@10 during training (see LightGcnCurve).
if (args is ["lightgcn-curve", .. var curve])
{
    LightGcnCurve.Run(curve);
    return;
}

if (args is ["tune-ranking", .. var grid])
{
    RankingValidationGrid.Run(grid);
    return;
}

if (args is ["neural-curve", .. var neural])
{
    NeuralCurve.Run(neural);
    return;
}

// `tune-next …` tunes a next-item model on validation rows carved from leave-last-out training rows (see NextItemValidation).
if (args is ["tune-next", .. var next])
{
    NextItemValidation.Run(next);
    return;
}

// `epochs …` times the training epochs of a model (see EpochTimer).
if (args is ["epochs", .. var epochs])
{
    EpochTimer.Run(epochs);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(KnowRec.Benchmarks.Data.SplitterBenchmarks).Assembly).Run(args);
