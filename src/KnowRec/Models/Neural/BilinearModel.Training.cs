using KnowRec.Data;
using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using KnowRec.Training;

namespace KnowRec.Models.Neural;

/// <content>Training: BPR or binary cross-entropy over sampled unseen items, Adam, mini-batches on the tape.</content>
public sealed partial class BilinearModel
{
    /// <summary>Fits the model on <paramref name="train"/>.</summary>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    public static BilinearModel Fit(Dataset train, BilinearOptions? options = null, TrainingContext? context = null) => Fit(train, options, context, null);

    /// <summary>Fits the model, handing <paramref name="afterEpoch"/> a model of the weights after each epoch (learning curves, early stopping).</summary>
    /// <param name="train">Training interactions.</param>
    /// <param name="options">Options (defaults when null).</param>
    /// <param name="context">Threads, progress and cancellation.</param>
    /// <param name="afterEpoch">Called after each epoch with its report and a fitted model of the weights so far; null for none.</param>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    public static BilinearModel Fit(Dataset train, BilinearOptions? options, TrainingContext? context, Action<EpochReport, BilinearModel>? afterEpoch)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new BilinearOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        var matrix = train.Matrix;
        int d = options.Factors;
        var random = new System.Random(options.Seed);

        // Small random vectors and W = I: the start is matrix factorisation with scores near 0, σ near ½.
        var users = Init.Normal([matrix.Users, d], 0.1f, random).EnableSparseGradient();
        var items = Init.Normal([matrix.Items, d], 0.1f, random).EnableSparseGradient();
        var weight = Init.Zeros([d, d]);
        for (int k = 0; k < d; k++)
        {
            weight.Data[(k * d) + k] = 1f;
        }

        var biases = Init.Zeros([matrix.Items, 1]).EnableSparseGradient();

        // A user without training interactions still holds the random start: a copy with u = 0 gives the bias order.
        BilinearModel Snapshot()
        {
            var userVectors = (float[])users.Data.Clone();
            NcfModel.ZeroRowsOfEmptyUsers(matrix, userVectors, d);
            return new BilinearModel(train.Users, train.Items, matrix, options, userVectors, (float[])items.Data.Clone(), (float[])weight.Data.Clone(), (float[])biases.Data.Clone());
        }

        if (matrix.NonZeros > 0 && matrix.Items > 1)
        {
            var network = new Network(users, items, weight, biases);
            Action<EpochReport>? after = afterEpoch is null ? null : report => afterEpoch(report, Snapshot());
            if (options.Loss == BilinearLoss.Bpr)
            {
                TrainPairwise(network, matrix, options, context, after);
            }
            else
            {
                TrainPointwise(network, matrix, options, context, after);
            }
        }

        return Snapshot();
    }

    private static void TrainPairwise(Network network, InteractionMatrix matrix, BilinearOptions options, TrainingContext context, Action<EpochReport>? afterEpoch)
    {
        var tape = new Tape { Threads = EpochLoop.Threads(context) };
        var adam = new Adam(network.Parameters, options.LearningRate, weightDecay: options.WeightDecay);
        var sampler = NegativeItemSampler.Uniform(matrix.Items);
        var owners = ExampleSampler.Owners(matrix);
        var minusOne = Tensor.FromArray([-1f], [1]);
        var score = network.Scorer(tape.Threads);
        EpochLoop.Run(KindName, options.Epochs, options.LearningRate, context, epoch =>
        {
            var (users, positives, negatives) = ExampleSampler.Pairwise(matrix, owners, sampler, options.Negatives, SplitMix64.Derive(options.Seed, epoch));
            var random = new SplitMix64(SplitMix64.Derive(options.Seed, -1 - epoch));
            double total = 0;
            foreach (var (start, count) in EpochLoop.Batches(users.Length, options.BatchSize))
            {
                context.Cancellation.ThrowIfCancellationRequested();
                int[] batchUsers = users[start..(start + count)], batchNegatives = negatives[start..(start + count)];
                HardNegatives.Harden(batchUsers, batchNegatives, _ => true, options.NegativeCandidates, matrix, sampler, ref random, score);
                var projected = network.ProjectUsers(tape, batchUsers);
                var positive = network.Logits(tape, projected, positives[start..(start + count)]);
                var negative = network.Logits(tape, projected, batchNegatives);

                // −ln σ(x_ui − x_uj) is the log loss of the difference against label 1.
                var difference = Ops.Add(tape, positive, Ops.Mul(tape, negative, minusOne));
                var loss = Ops.BinaryCrossEntropyWithLogits(tape, difference, Ones(count));
                total += Step(tape, adam, loss) * count;
            }

            return total / users.Length;
        }, afterEpoch);
    }

    private static void TrainPointwise(Network network, InteractionMatrix matrix, BilinearOptions options, TrainingContext context, Action<EpochReport>? afterEpoch)
    {
        var tape = new Tape { Threads = EpochLoop.Threads(context) };
        var adam = new Adam(network.Parameters, options.LearningRate, weightDecay: options.WeightDecay);
        var sampler = NegativeItemSampler.Uniform(matrix.Items);
        var owners = ExampleSampler.Owners(matrix);
        var score = network.Scorer(tape.Threads);
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
                HardNegatives.Harden(batchUsers, batchItems, k => batchLabels[k] == 0f, options.NegativeCandidates, matrix, sampler, ref random, score);
                var logits = network.Logits(tape, network.ProjectUsers(tape, batchUsers), batchItems);
                var loss = Ops.BinaryCrossEntropyWithLogits(tape, logits, Tensor.FromArray(batchLabels, [count, 1]));
                total += Step(tape, adam, loss) * count;
            }

            return total / users.Length;
        }, afterEpoch);
    }

    private static double Step(Tape tape, Adam adam, Tensor loss)
    {
        adam.ZeroGrad();
        tape.Backward(loss);
        adam.Step();
        return loss.Data[0];
    }

    private static Tensor Ones(int count)
    {
        var ones = Tensor.Zeros([count, 1]);
        Array.Fill(ones.Data, 1f);
        return ones;
    }

    // The trainable tensors and the batched forward pass.
    private sealed class Network(Tensor users, Tensor items, Tensor weight, Tensor biases)
    {
        public IReadOnlyList<Tensor> Parameters => [users, items, weight, biases];

        // uᵀW for a batch of users, [batch, d]: one product, shared by the positive and the negative of a pair.
        public Tensor ProjectUsers(Tape tape, int[] batch) => Ops.MatMul(tape, Ops.EmbeddingLookup(tape, users, batch), weight, tape.Threads);

        // Scores of (user, item) pairs from a forward pass that is never differentiated (for dynamic negative sampling).
        public Func<int[], int[], float[]> Scorer(int threads)
        {
            var scoring = new Tape { Threads = threads };
            return (batchUsers, batchItems) =>
            {
                var logits = Logits(scoring, ProjectUsers(scoring, batchUsers), batchItems);
                scoring.Clear();
                return logits.Data;
            };
        }

        // uᵀWi + b_i, [batch, 1].
        public Tensor Logits(Tape tape, Tensor projected, int[] batch)
        {
            var dot = Ops.RowDot(tape, projected, Ops.EmbeddingLookup(tape, items, batch));
            return Ops.Add(tape, Ops.Reshape(tape, dot, [batch.Length, 1]), Ops.EmbeddingLookup(tape, biases, batch));
        }
    }
}
