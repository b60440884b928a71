using KnowRec.Data;
using KnowRec.Numerics.Autodiff;
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

        // Early stopping fits on the training rows minus a validation share; the fitted model still excludes all of them.
        var plan = ValidationPlan.For(train, options.Patience, options.ValidationShare, options.Seed);

        // A user without training interactions still holds the random start: a copy with u = 0 gives the bias order.
        BilinearModel Snapshot(Dataset seen)
        {
            var userVectors = (float[])users.Data.Clone();
            NcfModel.ZeroRowsOfEmptyUsers(seen.Matrix, userVectors, d);
            return new BilinearModel(seen.Users, seen.Items, seen.Matrix, options, userVectors, (float[])items.Data.Clone(), (float[])weight.Data.Clone(), (float[])biases.Data.Clone());
        }

        var fitOn = plan.Train.Matrix;
        if (fitOn.NonZeros > 0 && fitOn.Items > 1)
        {
            var network = new Network(users, items, weight, biases);
            var schedule = new SampledSchedule(options.Epochs, options.BatchSize, options.LearningRate, options.WeightDecay, options.Negatives, options.NegativeCandidates, options.Seed);
            Action<EpochReport>? after = afterEpoch is null ? null : report => afterEpoch(report, Snapshot(train));
            var validation = plan.Watch(network.Parameters, () => Snapshot(plan.Train));
            if (options.Loss == BilinearLoss.Bpr)
            {
                SampledTrainer.Pairwise(fitOn, network.Parameters, schedule, network.Difference, network.Logits, context, after, validation);
            }
            else
            {
                SampledTrainer.Pointwise(fitOn, network.Parameters, schedule, network.Logits, context, after, validation);
            }
        }

        return Snapshot(train);
    }

    // The trainable tensors and the batched forward pass.
    private sealed class Network(Tensor users, Tensor items, Tensor weight, Tensor biases)
    {
        public IReadOnlyList<Tensor> Parameters => [users, items, weight, biases];

        // uᵀW for a batch of users, [batch, d]: one product, shared by the positive and the negative of a pair.
        public Tensor ProjectUsers(Tape tape, int[] batch) => Ops.MatMul(tape, Ops.EmbeddingLookup(tape, users, batch), weight, tape.Threads);

        // uᵀWi + b_i, [batch, 1].
        public Tensor Logits(Tape tape, int[] batchUsers, int[] batchItems) => Logits(tape, ProjectUsers(tape, batchUsers), batchItems);

        // x_ui − x_uj, [batch, 1], with uᵀW computed once for both items of each pair.
        public Tensor Difference(Tape tape, int[] batchUsers, int[] positives, int[] negatives)
        {
            var projected = ProjectUsers(tape, batchUsers);
            return Ops.Sub(tape, Logits(tape, projected, positives), Logits(tape, projected, negatives));
        }

        private Tensor Logits(Tape tape, Tensor projected, int[] batch)
        {
            var dot = Ops.RowDot(tape, projected, Ops.EmbeddingLookup(tape, items, batch));
            return Ops.Add(tape, Ops.Reshape(tape, dot, [batch.Length, 1]), Ops.EmbeddingLookup(tape, biases, batch));
        }
    }
}
