using KnowRec.Data;
using KnowRec.Features;
using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using KnowRec.Training;

namespace KnowRec.Models.Neural;

/// <content>Training: sampled softmax over in-batch and shared uniform negatives with log Q correction, Adam.</content>
public sealed partial class TwoTowerModel
{
    // A logit this low takes a candidate out of a row's softmax (exp underflows to 0) without special cases.
    private const float LeftOut = -1e9f;

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
            var trainer = new Trainer(fitOn, options, userTower, itemTower, userFeatures, itemFeatures, itemCounts);
            var validation = plan.Watch([.. userTower.Parameters, .. itemTower.Parameters], () => Snapshot(plan.Train));
            trainer.Run(context, afterEpoch is null ? null : report => afterEpoch(report, Snapshot(train)), validation);
        }

        return Snapshot(train);
    }

    private sealed class Trainer(InteractionMatrix matrix, TwoTowerOptions options, Tower userTower, Tower itemTower, FeatureMatrix? userFeatures, FeatureMatrix? itemFeatures, int[] itemCounts)
    {
        private readonly Tensor? _userTable = userFeatures is null ? null : Tensor.FromArray(userFeatures.Values.ToArray(), [userFeatures.Rows, userFeatures.Columns]);
        private readonly Tensor? _itemTable = itemFeatures is null ? null : Tensor.FromArray(itemFeatures.Values.ToArray(), [itemFeatures.Rows, itemFeatures.Columns]);

        public void Run(TrainingContext context, Action<EpochReport>? afterEpoch, EpochValidation? validation)
        {
            var tape = new Tape { Threads = EpochLoop.Threads(context) };
            var adam = new Adam([.. userTower.Parameters, .. itemTower.Parameters], options.LearningRate, weightDecay: options.WeightDecay);
            var owners = ExampleSampler.Owners(matrix);
            EpochLoop.Run(options.Epochs, context, epoch =>
            {
                var random = new SplitMix64(SplitMix64.Derive(options.Seed, epoch));
                var order = ExampleSampler.Permutation(matrix.NonZeros, ref random);
                double total = 0;
                foreach (var (start, count) in EpochLoop.Batches(order.Length, options.BatchSize))
                {
                    context.Cancellation.ThrowIfCancellationRequested();
                    var loss = Loss(tape, order.AsSpan(start, count), owners, ref random);
                    adam.ZeroGrad();
                    tape.Backward(loss);
                    adam.Step();
                    total += (double)loss.Data[0] * count;
                }

                return total / order.Length;
            }, afterEpoch, validation);
        }

        // −(1/B) Σ_r log softmax_r(s(u_r, ·) − log Q)[i_r] over the candidates [i_1 … i_B, j_1 … j_M].
        private Tensor Loss(Tape tape, ReadOnlySpan<int> entries, int[] owners, ref SplitMix64 random)
        {
            int rows = entries.Length, width = rows + options.Negatives;
            var users = new int[rows];
            var candidates = new int[width];
            var columns = matrix.Columns;
            for (int r = 0; r < rows; r++)
            {
                users[r] = owners[entries[r]];
                candidates[r] = columns[entries[r]];
            }

            for (int c = rows; c < width; c++)
            {
                candidates[c] = random.NextInt(matrix.Items);
            }

            var userVectors = userTower.Forward(tape, Dropout(users, userTower.UnknownRow, ref random), Gather(tape, _userTable, users));
            var itemVectors = itemTower.Forward(tape, Dropout(candidates, itemTower.UnknownRow, ref random), Gather(tape, _itemTable, candidates));
            var logits = CandidateScores.Compute(tape, userVectors, itemVectors);

            // Row r's own item is candidate r.
            return SampledSoftmaxLoss.Compute(tape, logits, Adjustment(users, candidates), [.. Enumerable.Range(0, rows)]);
        }

        // −log Q(c) per candidate column, and LeftOut where a column is the row's own item again or another positive of
        // the row's user from this batch (so no row is told that one of its positives is a negative).
        private float[] Adjustment(int[] users, int[] candidates)
        {
            int rows = users.Length, width = candidates.Length;
            var correction = new float[width];
            if (options.LogQCorrection)
            {
                // Expected occurrences among the candidates: rows × the item's share of positives, plus the uniform draws.
                double share = (double)rows / matrix.NonZeros, uniform = (double)options.Negatives / matrix.Items;
                for (int c = 0; c < width; c++)
                {
                    correction[c] = (float)-Math.Log((share * itemCounts[candidates[c]]) + uniform);
                }
            }

            var values = new float[rows * width];
            for (int r = 0; r < rows; r++)
            {
                var row = values.AsSpan(r * width, width);
                correction.CopyTo(row);
                for (int c = 0; c < width; c++)
                {
                    if (c != r && (candidates[c] == candidates[r] || (c < rows && users[c] == users[r])))
                    {
                        row[c] = LeftOut;
                    }
                }
            }

            return values;
        }

        private int[] Dropout(int[] ids, int unknown, ref SplitMix64 random)
        {
            var result = (int[])ids.Clone();
            if (options.IdDropout > 0)
            {
                for (int k = 0; k < result.Length; k++)
                {
                    if (random.NextSingle() < options.IdDropout)
                    {
                        result[k] = unknown;
                    }
                }
            }

            return result;
        }

        private static Tensor? Gather(Tape tape, Tensor? table, int[] rows) => table is null ? null : Ops.EmbeddingLookup(tape, table, rows);
    }
}
