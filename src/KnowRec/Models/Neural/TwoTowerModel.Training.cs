using KnowRec.Data;
using KnowRec.Features;
using KnowRec.Numerics.Autodiff;
using KnowRec.Training;

namespace KnowRec.Models.Neural;

/// <content>Training: sampled softmax over in-batch and shared uniform negatives with log Q correction, Adam (<see cref="TowerTrainer"/>).</content>
public sealed partial class TwoTowerModel
{
    /// <summary>Fits the model on <paramref name="train"/>, with the dataset's genres and user attributes as features unless the options turn them off.</summary>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    public static TwoTowerModel Fit(Dataset train, TwoTowerOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new TwoTowerOptions();
        options.Validate();
        var items = options.ItemGenres ? CatalogueFeatures.ItemGenres(train) : null;
        var users = options.UserAttributes ? CatalogueFeatures.UserAttributes(train) : null;
        return Fit(train, items, users, options, context);
    }

    /// <summary>Fits the model with the given feature vectors (row = dense item or user index); null means that tower reads ids only.</summary>
    /// <param name="train">Training interactions.</param>
    /// <param name="itemFeatures">One row per item of <paramref name="train"/>, or null.</param>
    /// <param name="userFeatures">One row per user of <paramref name="train"/>, or null.</param>
    /// <param name="options">Options; <see cref="TwoTowerOptions.ItemGenres"/> and <see cref="TwoTowerOptions.UserAttributes"/> are ignored here.</param>
    /// <param name="context">Threads, progress and cancellation.</param>
    /// <exception cref="ArgumentException">A feature matrix has the wrong number of rows.</exception>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    public static TwoTowerModel Fit(Dataset train, FeatureMatrix? itemFeatures, FeatureMatrix? userFeatures, TwoTowerOptions? options = null, TrainingContext? context = null) =>
        Fit(train, itemFeatures, userFeatures, options, context, null);

    /// <summary>Fits the model with the given features, handing <paramref name="afterEpoch"/> a model of the weights after each epoch (learning curves, early stopping).</summary>
    /// <param name="train">Training interactions.</param>
    /// <param name="itemFeatures">One row per item of <paramref name="train"/>, or null.</param>
    /// <param name="userFeatures">One row per user of <paramref name="train"/>, or null.</param>
    /// <param name="options">Options; <see cref="TwoTowerOptions.ItemGenres"/> and <see cref="TwoTowerOptions.UserAttributes"/> are ignored here.</param>
    /// <param name="context">Threads, progress and cancellation.</param>
    /// <param name="afterEpoch">Called after each epoch with its report and a fitted model of the weights so far; null for none.</param>
    /// <exception cref="ArgumentException">A feature matrix has the wrong number of rows.</exception>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    public static TwoTowerModel Fit(Dataset train, FeatureMatrix? itemFeatures, FeatureMatrix? userFeatures, TwoTowerOptions? options, TrainingContext? context, Action<EpochReport, TwoTowerModel>? afterEpoch)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new TwoTowerOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        var matrix = train.Matrix;
        if (itemFeatures is not null && itemFeatures.Rows != matrix.Items)
        {
            throw new ArgumentException($"Item features have {itemFeatures.Rows} rows for {matrix.Items} items.", nameof(itemFeatures));
        }

        if (userFeatures is not null && userFeatures.Rows != matrix.Users)
        {
            throw new ArgumentException($"User features have {userFeatures.Rows} rows for {matrix.Users} users.", nameof(userFeatures));
        }

        var random = new System.Random(options.Seed);
        var userTower = new Tower(matrix.Users, options.Factors, userFeatures?.Columns ?? 0, options.Hidden, random);
        var itemTower = new Tower(matrix.Items, options.Factors, itemFeatures?.Columns ?? 0, options.Hidden, random);
        // Early stopping fits on the training rows minus a validation share; the fitted model still excludes all of them.
        var plan = ValidationPlan.For(train, options.Patience, options.ValidationShare, options.Seed);
        var fitOn = plan.Train.Matrix;
        var itemCounts = new int[matrix.Items];
        foreach (int item in fitOn.Columns)
        {
            itemCounts[item]++;
        }

        // Users and items the fit never trained on hold untrained ids: score them through the "no id" row.
        TwoTowerModel Snapshot(Dataset seen)
        {
            var users = userTower.Export();
            var items = itemTower.Export();
            var userVectors = users.EmbedAll(matrix.Users, u => fitOn.CountOf(u) > 0, userFeatures);
            var itemVectors = items.EmbedAll(matrix.Items, i => itemCounts[i] > 0, itemFeatures);
            return new TwoTowerModel(seen.Users, seen.Items, seen.Matrix, options, users, items, userVectors, itemVectors);
        }

        if (fitOn.NonZeros > 0)
        {
            Tensor? userTable = Table(userFeatures), itemTable = Table(itemFeatures);
            var trainer = new TowerTrainer(
                fitOn,
                TowerSchedule.Of(options),
                [.. userTower.Parameters, .. itemTower.Parameters],
                (tape, rows, indices) => userTower.Forward(tape, rows, Gather(tape, userTable, indices)),
                userTower.UnknownRow,
                (tape, rows, indices) => itemTower.Forward(tape, rows, Gather(tape, itemTable, indices)),
                itemTower.UnknownRow,
                itemCounts);
            var validation = plan.Watch([.. userTower.Parameters, .. itemTower.Parameters], () => Snapshot(plan.Train));
            trainer.Run(context, afterEpoch is null ? null : report => afterEpoch(report, Snapshot(train)), validation);
        }

        return Snapshot(train);
    }

    private static Tensor? Gather(Tape tape, Tensor? table, int[] rows) => table is null ? null : Ops.EmbeddingLookup(tape, table, rows);

    private static Tensor? Table(FeatureMatrix? features) => features is null ? null : Tensor.FromArray(features.Values.ToArray(), [features.Rows, features.Columns]);
}
