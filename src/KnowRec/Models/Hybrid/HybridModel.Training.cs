using KnowRec.Data;
using KnowRec.Features;
using KnowRec.Models.Neural;
using KnowRec.Numerics.Autodiff;
using KnowRec.Training;

namespace KnowRec.Models.Hybrid;

/// <content>Training: the shared two-tower sampled softmax (<see cref="TowerTrainer"/>) over the fused item tower.</content>
public sealed partial class HybridModel
{
    /// <summary>Fits the model on <paramref name="train"/> with the item vector sources its options name.</summary>
    /// <exception cref="ArgumentException">A source named in <see cref="HybridOptions.Sources"/> is not available, or gated fusion has no source to gate.</exception>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    public static HybridModel Fit(Dataset train, HybridOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new HybridOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        var matrix = train.Matrix;
        var sources = HybridSources.Resolve(train, options.Sources, options.KgDimension, options.KgEpochs, options.Seed, context);
        if (options.Fusion == Features.Fusion.FusionKind.Gated && sources.Count == 0)
        {
            throw new ArgumentException("Gated fusion needs at least one item vector source besides the id; the dataset has none (Sources=" + options.Sources + ").", nameof(options));
        }

        var plan = ValidationPlan.For(train, options.Patience, options.ValidationShare, options.Seed);
        var fitOn = plan.Train.Matrix;
        var userFeatures = UserFeatures(plan.Train, options, sources);
        var random = new System.Random(options.Seed);
        var userTower = new Tower(matrix.Users, options.Factors, userFeatures?.Columns ?? 0, options.Hidden, random);
        var itemTower = new HybridItemTower(matrix.Items, options.Factors, options.Hidden, options.Fusion, sources, random);
        var itemCounts = new int[matrix.Items];
        foreach (int item in fitOn.Columns)
        {
            itemCounts[item]++;
        }

        int threads = EpochLoop.Threads(context);
        string[] names = [.. sources.Select(s => s.Name)];
        HybridModel Snapshot(Dataset seen)
        {
            var userVectors = userTower.Export().EmbedAll(matrix.Users, u => fitOn.CountOf(u) > 0, userFeatures);
            var itemVectors = itemTower.EmbedAll(matrix.Items, i => itemCounts[i] > 0, threads);
            return new HybridModel(seen.Users, seen.Items, seen.Matrix, options, names, userVectors, itemVectors);
        }

        if (fitOn.NonZeros > 0)
        {
            var userTable = userFeatures is null ? null : Tensor.FromArray(userFeatures.Values.ToArray(), [userFeatures.Rows, userFeatures.Columns]);
            IReadOnlyList<Tensor> parameters = [.. userTower.Parameters, .. itemTower.Parameters];
            var trainer = new TowerTrainer(
                fitOn,
                options.Schedule,
                parameters,
                (tape, rows, indices) => userTower.Forward(tape, rows, userTable is null ? null : Ops.EmbeddingLookup(tape, userTable, indices)),
                userTower.UnknownRow,
                itemTower.Forward,
                itemTower.UnknownRow,
                itemCounts);
            trainer.Run(context, null, plan.Watch(parameters, () => Snapshot(plan.Train)));
        }

        return Snapshot(train);
    }

    /// <summary>
    /// The user tower's features: the attribute one-hot and, with <see cref="HybridOptions.UserProfile"/>, the mean of
    /// each source's present vectors over the user's training items; null when there are none.
    /// </summary>
    internal static FeatureMatrix? UserFeatures(Dataset train, HybridOptions options, IReadOnlyList<ItemVectors> sources)
    {
        var attributes = options.UserAttributes ? CatalogueFeatures.UserAttributes(train) : null;
        var profiles = options.UserProfile ? sources : [];
        int users = train.Users.Count, width = (attributes?.Columns ?? 0) + profiles.Sum(s => s.Dimension);
        if (width == 0)
        {
            return null;
        }

        var values = new float[users * width];
        var matrix = train.Matrix;
        for (int u = 0; u < users; u++)
        {
            var row = values.AsSpan(u * width, width);
            int at = 0;
            if (attributes is not null)
            {
                attributes.Row(u).CopyTo(row);
                at = attributes.Columns;
            }

            foreach (var source in profiles)
            {
                ProfileMean(source, matrix.ItemsOf(u), row.Slice(at, source.Dimension));
                at += source.Dimension;
            }
        }

        return new FeatureMatrix(users, width, values);
    }

    /// <summary>The mean of <paramref name="source"/>'s vectors over the items of <paramref name="history"/> that have one (zeros when none do).</summary>
    internal static void ProfileMean(ItemVectors source, ReadOnlySpan<int> history, Span<float> mean)
    {
        int count = 0;
        foreach (int item in history)
        {
            if (source.IsPresent(item))
            {
                System.Numerics.Tensors.TensorPrimitives.Add(mean, source.Row(item), mean);
                count++;
            }
        }

        if (count > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(mean, 1f / count, mean);
        }
    }
}
