using BenchmarkDotNet.Running;
using KnowRec.Benchmarks.Timing;
using KnowRec.Benchmarks.Tuning;

// `tune …` runs the validation grid search (see ValidationGrid); anything else picks benchmarks, e.g.
// `dotnet run -c Release -- --filter '*Splitter*'`.
if (args is ["tune", .. var rest])
{
    ValidationGrid.Run(rest);
    return;
}

// `tune-next …` tunes a next-item model on validation rows carved from leave-last-out training rows (see NextItemValidation).
if (args is ["tune-next", .. var next])
{
    NextItemValidation.Run(next);
    return;
}

// `epochs …` times the training epochs of a model (see EpochTimer).
if (args is ["epochs", .. var timing])
{
    EpochTimer.Run(timing);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(KnowRec.Benchmarks.Data.SplitterBenchmarks).Assembly).Run(args);
