using System.CommandLine;
using KnowRec.Data;

namespace KnowRec.Cli.Commands;

/// <summary><c>knowrec data info</c>: counts, sparsity, value histogram and cleaning report.</summary>
internal static class DataInfoCommand
{
    public static Command Create()
    {
        var data = new DataOptions();
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("info", "Counts, sparsity, value histogram and cleaning report of a dataset");
        data.AddTo(command);
        command.Options.Add(json);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var summary = DatasetSummary.Of(data.Load(result));
            if (result.GetValue(json))
            {
                Output.Line(summary.ToJson());
                return 0;
            }

            Print(summary);
            return 0;
        }));
        return command;
    }

    private static void Print(DatasetSummary s)
    {
        Output.Table(
            ["dataset", "users", "items", "interactions", "sparsity", "feedback", "mean value"],
            [[s.Dataset, s.Users.ToString("N0"), s.Items.ToString("N0"), s.Interactions.ToString("N0"), Output.Number(s.Sparsity), s.Feedback, Output.Number(s.MeanValue, 3)]]);
        Output.Line($"per user (min / median / max): {string.Join(" / ", s.PerUser)}");
        Output.Line($"per item (min / median / max): {string.Join(" / ", s.PerItem)}");
        if (s.FirstTime is not null)
        {
            Output.Line($"time span: {s.FirstTime} .. {s.LastTime}");
        }

        if (s.FixedTestRows is { } test)
        {
            Output.Line($"fixed split: {s.Interactions - test:N0} train / {test:N0} test rows");
        }

        Output.Line();
        Output.Table(["value", "rows"], s.ValueHistogram.Select(v => (IReadOnlyList<string>)[v.Key, v.Value.ToString("N0")]));
        Output.Line();
        Output.Line($"cleaning: {s.LinesRead:N0} lines read, {s.Interactions:N0} rows kept");
        foreach (var (cause, count) in s.Cleaning)
        {
            Output.Line($"  {cause}: {count:N0}");
        }

        foreach (string example in s.CleaningExamples)
        {
            Output.Line($"  e.g. {example}");
        }
    }
}
