using System.Diagnostics;
using KnowRec.Data;
using KnowRec.Knowledge;
using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using KnowRec.Training;

namespace KnowRec.Models.KnowledgeAware;

/// <content>Training: epochs of a BPR phase and a TransR phase, each by its own Adam, then new attention (Wang et al. 2019, §3.4.2).</content>
public sealed partial class KgatModel
{
    /// <summary>Fits the model on <paramref name="train"/>, whose <see cref="Dataset.Knowledge"/> must be attached.</summary>
    /// <param name="train">Training interactions with a knowledge graph.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="context">Threads, progress and cancellation; null for the defaults.</param>
    /// <exception cref="ArgumentException">No knowledge graph is attached to <paramref name="train"/>.</exception>
    /// <exception cref="ModelFitException">A loss became NaN or infinite (lower the learning rate).</exception>
    public static KgatModel Fit(Dataset train, KgatOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new KgatOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        if (train.Knowledge is null)
        {
            throw new ArgumentException(
                $"kgat needs a knowledge graph attached to '{train.Name}': pass --kg NAME|PATH (e.g. --kg kg-ml100k-freebase), or call Dataset.WithKnowledge.", nameof(train));
        }

        var clock = Stopwatch.StartNew();
        var graph = CollaborativeGraph.Build(train);
        var network = new KgatNetwork(graph.Nodes, graph.Relations, options);
        var attention = new KgatAttention(graph);
        int threads = Math.Max(1, Math.Min(context.Threads, Environment.ProcessorCount));
        var trainer = new Trainer(train.Matrix, graph, network, attention, options, threads);
        if (trainer.HasPairs)
        {
            for (int epoch = 0; epoch < options.Epochs; epoch++)
            {
                double loss = trainer.RunEpoch(epoch, context.Cancellation);
                if (!double.IsFinite(loss))
                {
                    throw new ModelFitException($"KGAT diverged at epoch {epoch + 1}: the loss is {loss} (LearningRate {options.LearningRate}).");
                }

                context.Progress?.Report(new EpochReport(epoch + 1, options.Epochs, loss, clock.Elapsed));
            }
        }

        return Snapshot(train, graph, network, attention, options, threads);
    }

    // The final representations of the trained parameters under the last attention, without dropout. A user without
    // history was never trained: their row is zeroed, so they get neutral all-zero scores rather than noise.
    private static KgatModel Snapshot(Dataset train, CollaborativeGraph graph, KgatNetwork network, KgatAttention attention, KgatOptions options, int threads)
    {
        var embeddings = Tensor.FromArray(network.Embeddings.Data, network.Embeddings.Shape.ToArray());
        var final = network.Propagate(new Tape { Threads = threads }, attention.Adjacency(), embeddings, 0f, options.Seed, 0);
        var matrix = train.Matrix;
        int[] userRows = [.. Enumerable.Range(0, matrix.Users).Select(u => matrix.CountOf(u) > 0 ? u : -1)];
        int[] itemRows = [.. Enumerable.Range(0, matrix.Items).Select(graph.NodeOfItem)];
        var table = RepresentationTable.FromRows(final.Data, userRows, final.Data, itemRows, options.Width);
        return new KgatModel(train.Users, train.Items, matrix, options, table, attention.RelationWeights());
    }

    /// <summary>The state of one fit: graph, parameters, both optimisers, the current propagation matrix and buffers.</summary>
    private sealed class Trainer
    {
        private readonly CollaborativeGraph _graph;
        private readonly KgatNetwork _network;
        private readonly KgatAttention _attention;
        private readonly KgatOptions _options;
        private readonly int _threads;
        private readonly PairSampler _sampler;
        private readonly Adam _collaborative;
        private readonly Adam _knowledge;
        private readonly int[] _edgeOrder;
        private readonly int[] _headOfEdge;
        private readonly TensorArena _arena = new();
        private SparseMatrix _adjacency;
        private long _step;

        public Trainer(InteractionMatrix matrix, CollaborativeGraph graph, KgatNetwork network, KgatAttention attention, KgatOptions options, int threads)
        {
            (_graph, _network, _attention, _options, _threads) = (graph, network, attention, options, threads);
            _sampler = new PairSampler(matrix, options.NegativeCandidates);
            _collaborative = new Adam(network.CollaborativeParameters, options.LearningRate);
            _knowledge = new Adam(network.KnowledgeParameters, options.LearningRate);
            _edgeOrder = [.. Enumerable.Range(0, graph.Edges)];
            _headOfEdge = new int[graph.Edges];
            var starts = graph.EdgeStarts;
            for (int h = 0; h < graph.Nodes; h++)
            {
                _headOfEdge.AsSpan(starts[h], starts[h + 1] - starts[h]).Fill(h);
            }

            _adjacency = attention.Adjacency();
        }

        public bool HasPairs => _sampler.HasPairs;

        /// <summary>One epoch; returns the mean BPR objective per triple plus the mean TransR objective per edge.</summary>
        public double RunEpoch(int epoch, CancellationToken cancellation)
        {
            var random = new SplitMix64(SplitMix64.Derive(_options.Seed, epoch));
            double collaborative = 0;
            int pairs = _sampler.Count;
            for (int start = 0; start < pairs; start += _options.BatchSize)
            {
                cancellation.ThrowIfCancellationRequested();
                int count = Math.Min(_options.BatchSize, pairs - start);
                collaborative += count * (double)CollaborativeStep(count, ref random);
            }

            for (int i = _edgeOrder.Length - 1; i > 0; i--)
            {
                int j = random.NextInt(i + 1);
                (_edgeOrder[i], _edgeOrder[j]) = (_edgeOrder[j], _edgeOrder[i]);
            }

            double knowledge = 0;
            for (int start = 0; start < _edgeOrder.Length; start += _options.KnowledgeBatchSize)
            {
                cancellation.ThrowIfCancellationRequested();
                int count = Math.Min(_options.KnowledgeBatchSize, _edgeOrder.Length - start);
                knowledge += count * (double)KnowledgeStep(_edgeOrder.AsSpan(start, count), ref random);
            }

            var e = _network;
            _attention.Update(e.Embeddings.Data, _options.Factors, e.RelationEmbeddings.Data, e.RelationMatrices.Data, _options.RelationFactors, _threads);
            _adjacency = _attention.Adjacency();
            return (collaborative / pairs) + (knowledge / Math.Max(1, _edgeOrder.Length));
        }

        // One Adam step of eq. 13 on a batch: BPR on e*_uᵀe*_i plus λ/2B times the squared norms of the batch's e* rows.
        private float CollaborativeStep(int count, ref SplitMix64 random)
        {
            var (users, positives, negatives) = _sampler.Draw(count, ref random);
            _arena.Reset();
            using var scope = _arena.Activate();
            var tape = new Tape { Threads = _threads };
            var final = _network.Propagate(tape, _adjacency, _network.Embeddings, _options.Dropout, _options.Seed, _step++);
            if (_options.NegativeCandidates > 1)
            {
                int width = final.Columns;
                var data = final.Data;
                _sampler.Harden(users, negatives, (u, i) => FactorDot(data, u, _graph.NodeOfItem(i), width), ref random);
            }

            int[] positiveNodes = [.. positives.Select(_graph.NodeOfItem)];
            int[] negativeNodes = [.. negatives.Select(_graph.NodeOfItem)];
            var user = Ops.EmbeddingLookup(tape, final, users);
            var positive = Ops.RowDot(tape, user, Ops.EmbeddingLookup(tape, final, positiveNodes));
            var negative = Ops.RowDot(tape, user, Ops.EmbeddingLookup(tape, final, negativeNodes));
            var loss = Ops.BprLoss(tape, positive, negative);
            int[] rows = [.. users, .. positiveNodes, .. negativeNodes];
            var penalty = Ops.SquaredNorm(tape, Ops.EmbeddingLookup(tape, final, rows), _options.Regularization / (2f * count));
            var objective = Ops.Add(tape, loss, penalty);
            tape.Backward(objective);
            _collaborative.Step();
            _collaborative.ZeroGrad();
            return objective.Data[0];
        }

        // One Adam step of eq. 2 on a batch of edges, each against a uniformly drawn node that is not a true tail.
        private float KnowledgeStep(ReadOnlySpan<int> edges, ref SplitMix64 random)
        {
            int count = edges.Length;
            var heads = new int[count];
            var relations = new int[count];
            var tails = new int[count];
            var negatives = new int[count];
            var edgeRelations = _graph.EdgeRelations;
            var edgeTails = _graph.EdgeTails;
            for (int b = 0; b < count; b++)
            {
                int e = edges[b];
                (heads[b], relations[b], tails[b]) = (_headOfEdge[e], edgeRelations[e], edgeTails[e]);
                negatives[b] = CorruptTail(heads[b], relations[b], ref random);
            }

            _arena.Reset();
            using var scope = _arena.Activate();
            var tape = new Tape { Threads = _threads };
            var objective = _network.TransR(tape, heads, relations, tails, negatives, _options.KnowledgeRegularization);
            tape.Backward(objective);
            _knowledge.Step();
            _knowledge.ZeroGrad();
            return objective.Data[0];
        }

        // A node t′ with no edge (head, relation, t′); after 64 unlucky draws the last one is kept.
        private int CorruptTail(int head, int relation, ref SplitMix64 random)
        {
            var starts = _graph.EdgeStarts;
            var tails = _graph.EdgeTails[starts[head]..starts[head + 1]];
            var relations = _graph.EdgeRelations[starts[head]..starts[head + 1]];
            int node = 0;
            for (int attempt = 0; attempt < 64; attempt++)
            {
                node = random.NextInt(_graph.Nodes);
                bool known = false;
                int x = tails.BinarySearch(node);
                while (x > 0 && tails[x - 1] == node)
                {
                    x--;
                }

                for (; x >= 0 && x < tails.Length && tails[x] == node; x++)
                {
                    known |= relations[x] == relation;
                }

                if (!known)
                {
                    break;
                }
            }

            return node;
        }

        private static float FactorDot(float[] data, int a, int b, int width) =>
            System.Numerics.Tensors.TensorPrimitives.Dot(data.AsSpan(a * width, width), data.AsSpan(b * width, width));
    }
}
