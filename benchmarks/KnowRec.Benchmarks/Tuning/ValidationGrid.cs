using System.Globalization;
using KnowRec.Data;
using KnowRec.Data.Readers;
using KnowRec.Data.Splits;
using KnowRec.Models;

namespace KnowRec.Benchmarks.Tuning;

/// <summary>
/// Grid search of a rating model's options on validation data carved from training folds only, never from test rows:
/// the procedure behind the documented defaults of <c>svd</c> and <c>svdpp</c>.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/KnowRec.Benchmarks -- tune DATA MODEL FOLDS NAME=V1,V2 …</c>, e.g.
/// <c>tune ml-100k svd 3 LearningRate=0.01,0.02 Regularization=0.05,0.1</c>. For each of the first FOLDS of a seeded
/// 5-fold split (seed 42), a seeded random 20% of the fold's training rows (seed 7) is held out; every combination is
/// fitted on the rest and scored by RMSE on the held-out rows. Prints one line per combination, best first.
/// </remarks>
public static class ValidationGrid
{
    /// <summary>Runs the search described in the remarks.</summary>
    public static void Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: tune DATA MODEL FOLDS [NAME=V1,V2,...]...");
            return;
        }

        var data = DatasetLoader.Load(DataLocator.Resolve(args[0]));
        var entry = ModelCatalog.Get(args[1]);
        int folds = int.Parse(args[2], CultureInfo.InvariantCulture);
        var grid = OptionGrid.Parse(args.Skip(3), ',');
        var parts = Splitter.Split(data, new SplitOptions { Protocol = SplitProtocol.KFold, Folds = 5, Seed = 42 })
            .Take(folds)
            .Select(fold => Splitter.Split(fold.Train, new SplitOptions { Protocol = SplitProtocol.Random, TestRatio = 0.2, Seed = 7 })[0])
            .ToList();
        var results = new List<(double Rmse, string Settings)>();
        foreach (var settings in OptionGrid.Combinations(grid))
        {
            double rmse = parts.Average(part => Rmse(entry.Fit(part.Train, settings), part.Test));
            string text = string.Join(" ", settings.Select(kv => $"{kv.Key}={kv.Value}"));
            results.Add((rmse, text));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rmse:F4}  {text}"));
        }

        foreach (var (rmse, text) in results.OrderBy(r => r.Rmse))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rmse:F4}  {text}"));
        }
    }

    private static double Rmse(IRecommender model, Dataset validation)
    {
        double squared = 0;
        foreach (var row in validation.Interactions)
        {
            double e = model.Score(row.User, row.Item) - row.Value;
            squared += e * e;
        }

        return Math.Sqrt(squared / validation.Interactions.Count);
    }
}
