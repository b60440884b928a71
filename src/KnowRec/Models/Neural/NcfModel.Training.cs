using KnowRec.Data;
using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using KnowRec.Training;

namespace KnowRec.Models.Neural;

/// <content>Training: pointwise log loss over positives and sampled negatives (He et al. 2017, eq. 7), Adam, mini-batches.</content>
public sealed partial class NcfModel
{
    /// <summary>Fits the model on <paramref name="train"/>.</summary>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    public static NcfModel Fit(Dataset train, NcfOptions? options = null, TrainingContext? context = null) => Fit(train, options, context, null);

    /// <summary>Fits the model, handing <paramref name="afterEpoch"/> a model of the weights after each epoch (learning curves, early stopping).</summary>
    /// <param name="train">Training interactions.</param>
    /// <param name="options">Options (defaults when null).</param>
    /// <param name="context">Threads, progress and cancellation.</param>
    /// <param name="afterEpoch">Called after each epoch with its report and a fitted model of the weights so far; null for none.</param>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    public static NcfModel Fit(Dataset train, NcfOptions? options, TrainingContext? context, Action<EpochReport, NcfModel>? afterEpoch)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new NcfOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        var matrix = train.Matrix;
        var network = new NcfNetwork(matrix.Users, matrix.Items, options, new System.Random(options.Seed));
        if (matrix.NonZeros > 0 && matrix.Items > 1)
        {
            Train(network, matrix, options, context, afterEpoch is null ? null : report => afterEpoch(report, FromNetwork(train, options, network)));
        }

        return FromNetwork(train, options, network);
    }

    /// <summary>
    /// A fitted model over a copy of the network's current values. A user without training interactions still holds the
    /// random start, so the copy zeroes that user's embeddings: such a user gets the items' learned prior.
    /// </summary>
    internal static NcfModel FromNetwork(Dataset train, NcfOptions options, NcfNetwork network)
    {
        var arrays = network.Parameters.Select(p => (float[])p.Data.Clone()).ToArray();
        ZeroRowsOfEmptyUsers(train.Matrix, arrays[0], options.Factors);
        ZeroRowsOfEmptyUsers(train.Matrix, arrays[2], network.MlpUsers.Columns);
        return new NcfModel(train.Users, train.Items, train.Matrix, options, arrays);
    }

    private static void Train(NcfNetwork network, InteractionMatrix matrix, NcfOptions options, TrainingContext context, Action<EpochReport>? afterEpoch)
    {
        var tape = new Tape { Threads = EpochLoop.Threads(context) };
        var adam = new Adam(network.Parameters, options.LearningRate, weightDecay: options.WeightDecay);
        var sampler = NegativeItemSampler.Uniform(matrix.Items);
        var owners = ExampleSampler.Owners(matrix);

        // Candidate scores for dynamic negative sampling come from a forward pass that is never differentiated.
        var scoring = new Tape { Threads = tape.Threads };
        float[] Score(int[] users, int[] items)
        {
            var logits = network.Forward(scoring, users, items);
            scoring.Clear();
            return logits.Data;
        }

        EpochLoop.Run(KindName, options.Epochs, options.LearningRate, context, epoch =>
        {
            var (users, items, labels) = ExampleSampler.Pointwise(matrix, owners, sampler, options.Negatives, SplitMix64.Derive(options.Seed, epoch));
            var random = new SplitMix64(SplitMix64.Derive(options.Seed, -1 - epoch));
            double total = 0;
            foreach (var (start, count) in EpochLoop.Batches(users.Length, options.BatchSize))
            {
                context.Cancellation.ThrowIfCancellationRequested();
                int[] batchUsers = users[start..(start + count)], batchItems = items[start..(start + count)];
                float[] batchLabels = labels[start..(start + count)];
                HardNegatives.Harden(batchUsers, batchItems, k => batchLabels[k] == 0f, options.NegativeCandidates, matrix, sampler, ref random, Score);
                var logits = network.Forward(tape, batchUsers, batchItems);
                var loss = Ops.BinaryCrossEntropyWithLogits(tape, logits, Tensor.FromArray(batchLabels, [count, 1]));
                adam.ZeroGrad();
                tape.Backward(loss);
                adam.Step();
                total += (double)loss.Data[0] * count;
            }

            return total / users.Length;
        }, afterEpoch);
    }

    /// <summary>Sets the rows of users without training interactions to zero in a users × <paramref name="width"/> table.</summary>
    internal static void ZeroRowsOfEmptyUsers(InteractionMatrix matrix, float[] table, int width)
    {
        for (int u = 0; u < matrix.Users; u++)
        {
            if (matrix.CountOf(u) == 0)
            {
                Array.Clear(table, u * width, width);
            }
        }
    }
}
