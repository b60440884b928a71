using System.Diagnostics;
using KnowRec.Data;
using KnowRec.Models.Als;
using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using KnowRec.Training;

namespace KnowRec.Models.Graph;

/// <content>Training: mini-batch BPR (eq. 15) through the propagation, by Adam.</content>
public sealed partial class LightGcnModel
{
    // Standard deviation of the initial embeddings: the value of the paper's code (nn.init.normal_(std=0.1)).
    private const float InitialScale = 0.1f;

    /// <summary>Fits the model on <paramref name="train"/>.</summary>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    public static LightGcnModel Fit(Dataset train, LightGcnOptions? options = null, TrainingContext? context = null) =>
        Fit(train, options, context, afterEpoch: null);

    /// <summary>Fits the model on <paramref name="train"/>, handing the model as it stands after each epoch to <paramref name="afterEpoch"/>.</summary>
    /// <param name="train">Training interactions.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="context">Threads, progress and cancellation; null for the defaults.</param>
    /// <param name="afterEpoch">Receives each epoch's report and a model of the embeddings at that point (for learning curves); null for none.</param>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    public static LightGcnModel Fit(Dataset train, LightGcnOptions? options, TrainingContext? context, Action<EpochReport, LightGcnModel>? afterEpoch)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new LightGcnOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        var clock = Stopwatch.StartNew();
        var matrix = train.Matrix;
        int nodes = matrix.Users + matrix.Items;
        var graph = LightGcnGraph.Normalized(matrix);
        var embeddings = Tensor.Normal([nodes, options.Factors], 0f, InitialScale, new System.Random(options.Seed), requiresGrad: true);
        if (matrix.NonZeros > 0)
        {
            int threads = Math.Max(1, Math.Min(context.Threads, Environment.ProcessorCount));
            var trainer = new Trainer(matrix, graph, embeddings, options, threads);
            for (int epoch = 0; epoch < options.Epochs; epoch++)
            {
                double loss = trainer.RunEpoch(epoch, context.Cancellation);
                if (!double.IsFinite(loss))
                {
                    throw new ModelFitException($"LightGCN diverged at epoch {epoch + 1}: the loss is {loss} (LearningRate {options.LearningRate}).");
                }

                var report = new EpochReport(epoch + 1, options.Epochs, loss, clock.Elapsed);
                context.Progress?.Report(report);
                afterEpoch?.Invoke(report, Snapshot(train, graph, embeddings, options));
            }
        }

        return Snapshot(train, graph, embeddings, options);
    }

    /// <summary>E = Σ_{k=0..K} E⁽ᵏ⁾ / (K + 1) with E⁽ᵏ⁺¹⁾ = Ã E⁽ᵏ⁾ (eqs. 3, 4).</summary>
    internal static Tensor Propagate(Tape tape, SparseMatrix graph, Tensor layer0, int layers)
    {
        var sum = layer0;
        var layer = layer0;
        for (int k = 0; k < layers; k++)
        {
            layer = Ops.SparseMatMul(tape, graph, layer);
            sum = Ops.Add(tape, sum, layer);
        }

        var weight = new float[layer0.Columns];
        Array.Fill(weight, 1f / (layers + 1));
        return Ops.Mul(tape, sum, Tensor.FromArray(weight, [weight.Length]));
    }

    // The model of the current layer-0 embeddings: propagated without a tape, split into users and items.
    private static LightGcnModel Snapshot(Dataset train, SparseMatrix graph, Tensor embeddings, LightGcnOptions options)
    {
        var final = Propagate(new Tape(), graph, Tensor.FromArray(embeddings.Data, embeddings.Shape.ToArray()), options.Layers);
        var (userEmbeddings, itemEmbeddings) = Split(final.Data, train.Matrix, options.Factors);
        return new LightGcnModel(train.Users, train.Items, train.Matrix, options, userEmbeddings, itemEmbeddings);
    }

    // Final embeddings into stride-padded user and item arrays. A user without history is never in a batch, so their
    // row is still the random start: it is zeroed, so such a user gets a neutral all-zero score rather than noise.
    private static (float[] Users, float[] Items) Split(float[] final, InteractionMatrix matrix, int factors)
    {
        int stride = FactorKernels.Stride(factors);
        var userRows = new float[matrix.Users * stride];
        var itemRows = new float[matrix.Items * stride];
        for (int u = 0; u < matrix.Users; u++)
        {
            if (matrix.CountOf(u) > 0)
            {
                final.AsSpan(u * factors, factors).CopyTo(userRows.AsSpan(u * stride));
            }
        }

        for (int i = 0; i < matrix.Items; i++)
        {
            final.AsSpan((matrix.Users + i) * factors, factors).CopyTo(itemRows.AsSpan(i * stride));
        }

        return (userRows, itemRows);
    }

    /// <summary>The state of one fit: the graph, the layer-0 embeddings, Adam and the sampling buffers.</summary>
    private sealed class Trainer(InteractionMatrix matrix, SparseMatrix graph, Tensor embeddings, LightGcnOptions options, int threads)
    {
        private readonly Adam _adam = new([embeddings], options.LearningRate);
        private readonly NegativeItemSampler _sampler = NegativeItemSampler.Uniform(matrix.Items);
        private readonly int[] _order = [.. Enumerable.Range(0, matrix.NonZeros)];
        private readonly int[] _owners = Owners(matrix);
        private readonly int[] _activeUsers = [.. Enumerable.Range(0, matrix.Users).Where(u => matrix.CountOf(u) > 0)];

        // Every step creates the same large tensors (layers, their sums and gradients): the arena lends them again.
        private readonly TensorArena _arena = new();

        /// <summary>One epoch: as many triples as training pairs, drawn as <see cref="LightGcnOptions.Sampling"/> says; returns the mean loss per triple.</summary>
        public double RunEpoch(int epoch, CancellationToken cancellation)
        {
            var random = new SplitMix64(SplitMix64.Derive(options.Seed, epoch));
            if (options.Sampling == LightGcnSampling.Pairs)
            {
                Shuffle(ref random);
            }
            else
            {
                DrawByUser(ref random);
            }

            double total = 0;
            int pairs = _order.Length;
            for (int start = 0; start < pairs; start += options.BatchSize)
            {
                cancellation.ThrowIfCancellationRequested();
                int count = Math.Min(options.BatchSize, pairs - start);
                total += count * (double)Step(_order.AsSpan(start, count), ref random);
            }

            return total / pairs;
        }

        // One Adam step on the batch's triples; returns the batch loss.
        private float Step(ReadOnlySpan<int> entries, ref SplitMix64 random)
        {
            int count = entries.Length, users = matrix.Users;
            var userNodes = new int[count];
            var positiveNodes = new int[count];
            var negativeNodes = new int[count];
            var columns = matrix.Columns;
            for (int b = 0; b < count; b++)
            {
                int user = _owners[entries[b]];
                userNodes[b] = user;
                positiveNodes[b] = users + columns[entries[b]];
                negativeNodes[b] = users + _sampler.DrawUnseen(ref random, matrix.ItemsOf(user));
            }

            // The previous step's tensors are no longer referenced, so their buffers can be lent again.
            _arena.Reset();
            using var scope = _arena.Activate();
            var tape = new Tape { Threads = threads };
            var final = Propagate(tape, graph, embeddings, options.Layers);
            if (options.NegativeCandidates > 1)
            {
                Harden(final.Data, userNodes, negativeNodes, ref random);
            }

            var user0 = Ops.EmbeddingLookup(tape, final, userNodes);
            var positive = Ops.RowDot(tape, user0, Ops.EmbeddingLookup(tape, final, positiveNodes));
            var negative = Ops.RowDot(tape, user0, Ops.EmbeddingLookup(tape, final, negativeNodes));
            var loss = Ops.BprLoss(tape, positive, negative);

            // Eq. 15's λ‖E⁽⁰⁾‖², taken over the batch's rows and averaged per triple as the paper's code does: λ/2B · Σ‖e⁽⁰⁾‖².
            int[] batchRows = [.. userNodes, .. positiveNodes, .. negativeNodes];
            var penalty = Ops.SquaredNorm(tape, Ops.EmbeddingLookup(tape, embeddings, batchRows), options.Regularization / (2f * count));
            var objective = Ops.Add(tape, loss, penalty);
            tape.Backward(objective);
            _adam.Step();
            _adam.ZeroGrad();
            return objective.Data[0];
        }

        // Dynamic negative sampling (Zhang et al. 2013): each negative becomes the best-scoring, under the embeddings of
        // this step's forward pass, of itself and NegativeCandidates − 1 further unseen draws; ties keep the earlier one.
        private void Harden(float[] final, int[] userNodes, int[] negativeNodes, ref SplitMix64 random)
        {
            int d = options.Factors, users = matrix.Users;
            for (int b = 0; b < userNodes.Length; b++)
            {
                int user = userNodes[b];
                var u = final.AsSpan(user * d, d);
                var seen = matrix.ItemsOf(user);
                int best = negativeNodes[b];
                float bestScore = System.Numerics.Tensors.TensorPrimitives.Dot(u, final.AsSpan(best * d, d));
                for (int c = 1; c < options.NegativeCandidates; c++)
                {
                    int node = users + _sampler.DrawUnseen(ref random, seen);
                    float score = System.Numerics.Tensors.TensorPrimitives.Dot(u, final.AsSpan(node * d, d));
                    if (score > bestScore)
                    {
                        (best, bestScore) = (node, score);
                    }
                }

                negativeNodes[b] = best;
            }
        }

        // Entries of pairs drawn user first: a uniform active user, then a uniform entry of their row.
        private void DrawByUser(ref SplitMix64 random)
        {
            var starts = matrix.RowStarts;
            for (int s = 0; s < _order.Length; s++)
            {
                int user = _activeUsers[random.NextInt(_activeUsers.Length)];
                _order[s] = starts[user] + random.NextInt(starts[user + 1] - starts[user]);
            }
        }

        private void Shuffle(ref SplitMix64 random)
        {
            for (int i = _order.Length - 1; i > 0; i--)
            {
                int j = random.NextInt(i + 1);
                (_order[i], _order[j]) = (_order[j], _order[i]);
            }
        }

        private static int[] Owners(InteractionMatrix matrix)
        {
            var owners = new int[matrix.NonZeros];
            var starts = matrix.RowStarts;
            for (int u = 0; u < matrix.Users; u++)
            {
                owners.AsSpan(starts[u], starts[u + 1] - starts[u]).Fill(u);
            }

            return owners;
        }
    }
}
