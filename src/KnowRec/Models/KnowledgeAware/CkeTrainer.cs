using KnowRec.Data;
using KnowRec.Knowledge;
using KnowRec.Knowledge.Embeddings;
using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;

namespace KnowRec.Models.KnowledgeAware;

/// <summary>The state of one CKE fit: user vectors, item offsets, entity, relation and projection parameters, and Adam.</summary>
/// <remarks>
/// One step adds the mean BPR loss of a batch of (user, item, unseen item) triples, KnowledgeWeight times the mean
/// Bayesian TransR loss −ln σ(f_r(h, t′) − f_r(h, t)) of a batch of graph triples (each with one Bernoulli corruption,
/// Wang et al. 2014), and λ/2 times the mean squared norm of the rows used. Sampling runs on one thread from streams
/// seeded by (seed, epoch); ops split work in fixed blocks, so the fit is the same for any thread count.
/// </remarks>
internal sealed class CkeTrainer
{
    // Standard deviation of the initial user, entity and relation vectors.
    private const float InitialScale = 0.1f;

    private readonly InteractionMatrix _matrix;
    private readonly ItemKnowledge _knowledge;
    private readonly CkeOptions _options;
    private readonly int _threads;
    private readonly Tensor _users;
    private readonly Tensor _offsets;
    private readonly Tensor _entities;
    private readonly Tensor _relations;
    private readonly Tensor _projections;
    private readonly Adam _adam;
    private readonly int[] _drawable;
    private readonly TripleCorruptor? _corruptor;
    private readonly Triple[] _triples;
    private readonly int[] _order;
    private readonly int[] _owners;
    private readonly TensorArena _arena = new();
    private int _nextTriple;

    public CkeTrainer(InteractionMatrix matrix, ItemKnowledge knowledge, CkeOptions options, int threads)
    {
        _matrix = matrix;
        _knowledge = knowledge;
        _options = options;
        _threads = threads;
        var graph = knowledge.Graph;
        int d = options.Factors, relations = Math.Max(1, graph.Relations.Count);
        var random = new System.Random(options.Seed);
        _users = Tensor.Normal([matrix.Users, d], 0f, InitialScale, random, requiresGrad: true).EnableSparseGradient();

        // η starts at 0: an item never seen in training keeps v_j = e_j, its graph embedding, instead of random noise.
        _offsets = Tensor.Zeros([matrix.Items, d], requiresGrad: true).EnableSparseGradient();
        _entities = Tensor.Normal([Math.Max(1, graph.Entities.Count), d], 0f, InitialScale, random, requiresGrad: true).EnableSparseGradient();
        _relations = Tensor.Normal([relations, d], 0f, InitialScale, random, requiresGrad: true);
        _projections = Tensor.Zeros([relations, d, d], requiresGrad: true);
        for (int r = 0; r < relations; r++)
        {
            for (int i = 0; i < d; i++)
            {
                _projections.Data[(r * d * d) + (i * d) + i] = 1f;
            }
        }

        _adam = new Adam([_users, _offsets, _entities, _relations, _projections], options.LearningRate) { Threads = threads };
        var counts = new int[matrix.Items];
        foreach (int item in matrix.Columns)
        {
            counts[item]++;
        }

        _drawable = [.. Enumerable.Range(0, matrix.Items).Where(i => options.ColdNegatives || counts[i] > 0)];
        _triples = [.. graph.Triples];
        _corruptor = _triples.Length > 0 && options.KnowledgeBatchSize > 0 && options.KnowledgeWeight > 0
            ? new TripleCorruptor(_triples, graph.Entities.Count, graph.Relations.Count, CorruptionSampling.Bernoulli)
            : null;
        _order = [.. Enumerable.Range(0, matrix.NonZeros)];
        _owners = new int[matrix.NonZeros];
        for (int u = 0; u < matrix.Users; u++)
        {
            _owners.AsSpan(matrix.RowStarts[u], matrix.CountOf(u)).Fill(u);
        }
    }

    /// <summary>One epoch: every training pair once, in a seeded order; returns the mean objective per step.</summary>
    public double RunEpoch(int epoch, CancellationToken cancellation)
    {
        var random = new SplitMix64(SplitMix64.Derive(_options.Seed, epoch));
        Shuffle(_order, ref random);
        if (epoch == 0 || _nextTriple >= _triples.Length)
        {
            Shuffle(_triples, ref random);
            _nextTriple = 0;
        }

        double total = 0;
        int steps = 0;
        for (int start = 0; start < _order.Length; start += _options.BatchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            total += Step(_order.AsSpan(start, Math.Min(_options.BatchSize, _order.Length - start)), ref random);
            steps++;
        }

        return total / Math.Max(1, steps);
    }

    /// <summary>u_i as trained.</summary>
    public ReadOnlySpan<float> UserVector(int user) => _users.Data.AsSpan(user * _options.Factors, _options.Factors);

    /// <summary>Writes v_j = η_j + e_j (η_j alone for an unlinked item) into <paramref name="target"/>.</summary>
    public void ItemVector(int item, Span<float> target)
    {
        int d = _options.Factors, entity = _knowledge.EntityOf(item);
        _offsets.Data.AsSpan(item * d, d).CopyTo(target);
        if (entity >= 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(target, _entities.Data.AsSpan(entity * d, d), target);
        }
    }

    private float Step(ReadOnlySpan<int> entries, ref SplitMix64 random)
    {
        int count = entries.Length;
        int[] users = new int[count], positives = new int[count], negatives = new int[count];
        for (int b = 0; b < count; b++)
        {
            users[b] = _owners[entries[b]];
            positives[b] = _matrix.Columns[entries[b]];
            negatives[b] = Negative(users[b], ref random);
        }

        var triples = NextTriples(ref random);
        _arena.Reset();
        using var scope = _arena.Activate();
        var tape = new Tape { Threads = _threads };
        var user = Ops.EmbeddingLookup(tape, _users, users);
        var (positive, positiveOffsets) = Items(tape, positives);
        var (negative, negativeOffsets) = Items(tape, negatives);
        var objective = Ops.BprLoss(tape, Ops.RowDot(tape, user, positive), Ops.RowDot(tape, user, negative));
        float lambda = _options.Regularization / (2f * count);
        objective = Ops.Add(tape, objective, Ops.SquaredNorm(tape, user, lambda));
        objective = Ops.Add(tape, objective, Ops.SquaredNorm(tape, positiveOffsets, lambda));
        objective = Ops.Add(tape, objective, Ops.SquaredNorm(tape, negativeOffsets, lambda));
        if (triples is not null)
        {
            objective = Ops.Add(tape, objective, Ops.Scale(tape, KnowledgeLoss(tape, triples, ref random), _options.KnowledgeWeight));
        }

        float value = objective.Data[0];
        tape.Backward(objective);
        _adam.Step();
        _adam.ZeroGrad();
        return value;
    }

    // v for each item of the batch: η lookup plus, at the linked positions, the entity's row; also the η rows for L2.
    private (Tensor Vectors, Tensor Offsets) Items(Tape tape, int[] items)
    {
        var offsets = Ops.EmbeddingLookup(tape, _offsets, items);
        var positions = new List<int>(items.Length);
        var entities = new List<int>(items.Length);
        for (int b = 0; b < items.Length; b++)
        {
            int entity = _knowledge.EntityOf(items[b]);
            if (entity >= 0)
            {
                positions.Add(b);
                entities.Add(entity);
            }
        }

        if (positions.Count == 0)
        {
            return (offsets, offsets);
        }

        var linked = Ops.ScatterAdd(tape, Ops.EmbeddingLookup(tape, _entities, [.. entities]), [.. positions], items.Length);
        return (Ops.Add(tape, offsets, linked), offsets);
    }

    // Bayesian TransR: −ln σ(f_r(h, t′) − f_r(h, t)) averaged over the batch, plus λ/2 · mean ‖e‖² of the rows used.
    private Tensor KnowledgeLoss(Tape tape, Triple[] batch, ref SplitMix64 random)
    {
        int count = batch.Length;
        int[] heads = new int[2 * count], relations = new int[2 * count], tails = new int[2 * count];
        for (int b = 0; b < count; b++)
        {
            var t = batch[b];
            (heads[b], relations[b], tails[b]) = (t.Head, t.Relation, t.Tail);
            (heads[count + b], tails[count + b]) = _corruptor!.Corrupt(t.Head, t.Relation, t.Tail, ref random);
            relations[count + b] = t.Relation;
        }

        var h = Ops.EmbeddingLookup(tape, _entities, heads);
        var t2 = Ops.EmbeddingLookup(tape, _entities, tails);
        var r = Ops.EmbeddingLookup(tape, _relations, relations);
        var distance = Ops.TranslationDistance(
            tape, Ops.RelationProjection(tape, h, _projections, relations), r, Ops.RelationProjection(tape, t2, _projections, relations), DistanceNorm.SquaredL2);

        // Scores −f: the true triple should score above its corruption.
        var scores = Ops.Scale(tape, distance, -1f);
        var loss = Ops.BprLoss(tape, Ops.SliceRows(tape, scores, 0, count), Ops.SliceRows(tape, scores, count, count));
        float lambda = _options.Regularization / (2f * count);
        return Ops.Add(tape, loss, Ops.Add(tape, Ops.SquaredNorm(tape, h, lambda), Ops.SquaredNorm(tape, t2, lambda)));
    }

    private Triple[]? NextTriples(ref SplitMix64 random)
    {
        if (_corruptor is null)
        {
            return null;
        }

        var batch = new Triple[Math.Min(_options.KnowledgeBatchSize, _triples.Length)];
        for (int b = 0; b < batch.Length; b++)
        {
            if (_nextTriple == _triples.Length)
            {
                Shuffle(_triples, ref random);
                _nextTriple = 0;
            }

            batch[b] = _triples[_nextTriple++];
        }

        return batch;
    }

    // A uniform unseen item, or the best-scoring of NegativeCandidates such draws under the current vectors.
    private int Negative(int user, ref SplitMix64 random)
    {
        var seen = _matrix.ItemsOf(user);
        int best = DrawUnseen(seen, ref random);
        if (_options.NegativeCandidates == 1)
        {
            return best;
        }

        int d = _options.Factors;
        Span<float> vector = stackalloc float[d];
        var u = UserVector(user);
        ItemVector(best, vector);
        float bestScore = System.Numerics.Tensors.TensorPrimitives.Dot(u, vector);
        for (int c = 1; c < _options.NegativeCandidates; c++)
        {
            int item = DrawUnseen(seen, ref random);
            ItemVector(item, vector);
            float score = System.Numerics.Tensors.TensorPrimitives.Dot(u, vector);
            if (score > bestScore)
            {
                (best, bestScore) = (item, score);
            }
        }

        return best;
    }

    // A uniform drawable item not in seen, by rejection; after 64 rejected draws the last is kept (a user who has
    // seen almost everything).
    private int DrawUnseen(ReadOnlySpan<int> seen, ref SplitMix64 random)
    {
        int item = _drawable[random.NextInt(_drawable.Length)];
        for (int attempt = 1; attempt < 64 && seen.BinarySearch(item) >= 0; attempt++)
        {
            item = _drawable[random.NextInt(_drawable.Length)];
        }

        return item;
    }

    private static void Shuffle<T>(T[] values, ref SplitMix64 random)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
