using System.Diagnostics;
using KnowRec.Data;
using KnowRec.Knowledge;
using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using KnowRec.Training;

namespace KnowRec.Models.KnowledgeAware;

/// <content>Training: mini-batch BPR plus L2 and the independence loss (eq. 16) through the whole-graph aggregation, by Adam.</content>
public sealed partial class KginModel
{
    /// <summary>Fits the model on <paramref name="train"/>, whose <see cref="Dataset.Knowledge"/> must be attached.</summary>
    /// <param name="train">Training interactions with a knowledge graph.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="context">Threads, progress and cancellation; null for the defaults.</param>
    /// <exception cref="ArgumentException">No knowledge graph is attached to <paramref name="train"/>.</exception>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    public static KginModel Fit(Dataset train, KginOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new KginOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        if (train.Knowledge is null)
        {
            throw new ArgumentException(
                $"kgin needs a knowledge graph attached to '{train.Name}': pass --kg NAME|PATH (e.g. --kg kg-ml100k-freebase), or call Dataset.WithKnowledge.", nameof(train));
        }

        var clock = Stopwatch.StartNew();
        var graph = CollaborativeGraph.Build(train);
        var network = new KginNetwork(graph, options);
        int threads = Math.Max(1, Math.Min(context.Threads, Environment.ProcessorCount));
        var sampler = new PairSampler(train.Matrix, options.NegativeCandidates);
        if (sampler.HasPairs)
        {
            var trainer = new Trainer(graph, network, sampler, options, threads);
            for (int epoch = 0; epoch < options.Epochs; epoch++)
            {
                double loss = trainer.RunEpoch(epoch, context.Cancellation);
                if (!double.IsFinite(loss))
                {
                    throw new ModelFitException($"KGIN diverged at epoch {epoch + 1}: the loss is {loss} (LearningRate {options.LearningRate}).");
                }

                context.Progress?.Report(new EpochReport(epoch + 1, options.Epochs, loss, clock.Elapsed));
            }
        }

        return Snapshot(train, graph, network, options, threads);
    }

    // Final representations without dropout; users without history are zeroed (neutral scores rather than noise).
    private static KginModel Snapshot(Dataset train, CollaborativeGraph graph, KginNetwork network, KginOptions options, int threads)
    {
        var tape = new Tape { Threads = threads };
        var users = Tensor.FromArray(network.Users.Data, network.Users.Shape.ToArray());
        var entities = Tensor.FromArray(network.Entities.Data, network.Entities.Shape.ToArray());
        var (finalUsers, finalEntities, intents) = network.Propagate(tape, users, entities, options.Layers, 0f, options.Seed, 0);
        var matrix = train.Matrix;
        int[] userRows = [.. Enumerable.Range(0, matrix.Users).Select(u => matrix.CountOf(u) > 0 ? u : -1)];
        int[] itemRows = [.. Enumerable.Range(0, matrix.Items).Select(i => graph.NodeOfItem(i) - graph.Users)];
        var table = RepresentationTable.FromRows(finalUsers.Data, userRows, finalEntities.Data, itemRows, options.Factors);
        var weights = RelationWeightsOf(graph, KginNetwork.IntentAttention(tape, users, intents).Data, [.. userRows.Where(u => u >= 0)], network, options.Intents);
        return new KginModel(train.Users, train.Items, matrix, options, table, weights);
    }

    // R · Σ_p β̄_p (α(r, p) + α(R + r, p)): 1 when the intents spread their attention evenly over the 2R relations.
    private static float[] RelationWeightsOf(CollaborativeGraph graph, float[] beta, int[] activeUsers, KginNetwork network, int intents)
    {
        int r2 = network.IntentLogits.Columns, relations = graph.KnowledgeRelations;
        var alpha = Ops.Softmax(new Tape(), Tensor.FromArray(network.IntentLogits.Data, [intents, r2])).Data;
        var weights = new float[relations];
        for (int p = 0; p < intents; p++)
        {
            double mean = activeUsers.Length == 0 ? 1.0 / intents : activeUsers.Average(u => (double)beta[(u * intents) + p]);
            for (int r = 0; r < relations; r++)
            {
                weights[r] += (float)(relations * mean * (alpha[(p * r2) + r] + alpha[(p * r2) + relations + r]));
            }
        }

        return weights;
    }

    /// <summary>The state of one fit: the network, Adam and the sampling buffers.</summary>
    private sealed class Trainer(CollaborativeGraph graph, KginNetwork network, PairSampler sampler, KginOptions options, int threads)
    {
        private readonly Adam _adam = new(network.Parameters, options.LearningRate);
        private readonly TensorArena _arena = new();
        private long _step;

        /// <summary>One epoch of as many triples as training pairs; returns the mean objective per triple.</summary>
        public double RunEpoch(int epoch, CancellationToken cancellation)
        {
            var random = new SplitMix64(SplitMix64.Derive(options.Seed, epoch));
            double total = 0;
            for (int start = 0; start < sampler.Count; start += options.BatchSize)
            {
                cancellation.ThrowIfCancellationRequested();
                int count = Math.Min(options.BatchSize, sampler.Count - start);
                total += count * (double)Step(count, ref random);
            }

            return total / sampler.Count;
        }

        // One Adam step of eq. 16: BPR + λ₁ independence + λ₂/2B ‖batch layer-0 rows‖².
        private float Step(int count, ref SplitMix64 random)
        {
            var (users, positives, negatives) = sampler.Draw(count, ref random);
            _arena.Reset();
            using var scope = _arena.Activate();
            var tape = new Tape { Threads = threads };
            var (finalUsers, finalEntities, intents) = network.Propagate(tape, network.Users, network.Entities, options.Layers, options.Dropout, options.Seed, _step++);
            int d = options.Factors;
            if (options.NegativeCandidates > 1)
            {
                var u = finalUsers.Data;
                var e = finalEntities.Data;
                sampler.Harden(users, negatives, (user, item) => System.Numerics.Tensors.TensorPrimitives.Dot(u.AsSpan(user * d, d), e.AsSpan(EntityOf(item) * d, d)), ref random);
            }

            int[] positiveRows = [.. positives.Select(EntityOf)];
            int[] negativeRows = [.. negatives.Select(EntityOf)];
            var user0 = Ops.EmbeddingLookup(tape, finalUsers, users);
            var positive = Ops.RowDot(tape, user0, Ops.EmbeddingLookup(tape, finalEntities, positiveRows));
            var negative = Ops.RowDot(tape, user0, Ops.EmbeddingLookup(tape, finalEntities, negativeRows));
            var loss = Ops.BprLoss(tape, positive, negative);
            float scale = options.Regularization / (2f * count);
            var penalty = Ops.Add(
                tape,
                Ops.SquaredNorm(tape, Ops.EmbeddingLookup(tape, network.Users, users), scale),
                Ops.SquaredNorm(tape, Ops.EmbeddingLookup(tape, network.Entities, [.. positiveRows, .. negativeRows]), scale));
            var independence = Ops.Scale(tape, KginNetwork.Independence(tape, intents, options.Temperature), options.IndependenceWeight);
            var objective = Ops.Add(tape, Ops.Add(tape, loss, penalty), independence);
            tape.Backward(objective);
            _adam.Step();
            _adam.ZeroGrad();
            return objective.Data[0];
        }

        private int EntityOf(int item) => graph.NodeOfItem(item) - graph.Users;
    }
}
