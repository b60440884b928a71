using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;

namespace KnowRec.Knowledge.Embeddings;

/// <summary>
/// The state of one knowledge-graph embedding fit: parameters, Adam, the corruption sampler and the epoch's order of
/// triples. <see cref="KgEmbedding.Fit"/> drives it; use it directly for learning curves or to time single steps.
/// </summary>
/// <remarks>
/// Each step looks up the batch's true triples and <see cref="KgEmbeddingOptions.Negatives"/> corruptions of each,
/// computes their distances with the method's fused op, the loss, its gradient and one Adam step, then re-applies the
/// method's constraints to the rows it moved: TransE keeps entities on the unit sphere (Bordes et al. 2013, Algorithm 1,
/// line 5), TransR keeps entity and relation norms at most 1 (Lin et al. 2015, §3.2). Sampling runs on the calling
/// thread from a stream seeded by (seed, epoch) and every op splits its work in fixed blocks, so a fit is bit-identical
/// for any thread count. Not thread-safe.
/// </remarks>
public sealed class KgEmbeddingTrainer
{
    private readonly KnowledgeGraph _graph;
    private readonly KgEmbeddingOptions _options;
    private readonly Triple[] _training;
    private readonly TripleCorruptor _corruptor;
    private readonly Tensor _entities;
    private readonly Tensor _relations;
    private readonly Tensor? _projections;
    private readonly Adam _adam;
    private readonly int _threads;
    private readonly int[] _order;
    private readonly TensorArena _arena = new();
    private SplitMix64 _random;

    /// <summary>Initialises the parameters for <paramref name="graph"/>.</summary>
    /// <param name="graph">The graph: its entities and relations are embedded.</param>
    /// <param name="options">Options, validated here.</param>
    /// <param name="training">The triples to train on (default: all of the graph's), e.g. the training part of a <see cref="LinkPredictionSplit"/>.</param>
    /// <param name="threads">Most threads each op may use.</param>
    public KgEmbeddingTrainer(KnowledgeGraph graph, KgEmbeddingOptions options, IReadOnlyList<Triple>? training = null, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _graph = graph;
        _options = options;
        _threads = threads;
        _training = [.. training ?? graph.Triples];
        int n = graph.Entities.Count, r = graph.Relations.Count, d = options.Dimension;
        foreach (var t in _training)
        {
            if ((uint)t.Head >= (uint)n || (uint)t.Tail >= (uint)n || (uint)t.Relation >= (uint)r)
            {
                throw new ArgumentException($"Triple {t} lies outside the graph's {n} entities and {r} relations.", nameof(training));
            }
        }

        // Only training triples count as known: filtering corruptions with held-out triples would leak them.
        _corruptor = new TripleCorruptor(_training, n, r, options.Sampling);
        _order = [.. Enumerable.Range(0, _training.Length)];
        var random = new Random(options.Seed);
        if (options.Method == KgEmbeddingMethod.RotatE)
        {
            // The paper's code: entities uniform in ±(γ + ε)/d with ε = 2, phases uniform in [−π, π).
            float range = (options.Margin + 2f) / d;
            _entities = Tensor.Uniform([n, 2 * d], -range, range, random, requiresGrad: true);
            _relations = Tensor.Uniform([r, d], -MathF.PI, MathF.PI, random, requiresGrad: true);
        }
        else
        {
            // Bordes et al. 2013, Algorithm 1: uniform in ±6/√d, relations normalised once, entities at every step.
            float range = 6f / MathF.Sqrt(d);
            _entities = Tensor.Uniform([n, d], -range, range, random, requiresGrad: true);
            _relations = Tensor.Uniform([r, d], -range, range, random, requiresGrad: true);
            Constrain(_relations.Data, d, Enumerable.Range(0, r).ToArray(), exact: true);
            Constrain(_entities.Data, d, Enumerable.Range(0, n).ToArray(), exact: options.Method == KgEmbeddingMethod.TransE);
            if (options.Method == KgEmbeddingMethod.TransR)
            {
                // Identity projections start TransR where TransE stands (Lin et al. initialise from TransE).
                _projections = Tensor.Zeros([r, d, d], requiresGrad: true);
                for (int m = 0; m < r; m++)
                {
                    for (int i = 0; i < d; i++)
                    {
                        _projections.Data[(m * d * d) + (i * d) + i] = 1f;
                    }
                }
            }
        }

        _entities.EnableSparseGradient();
        _adam = new Adam(_projections is null ? [_entities, _relations] : [_entities, _relations, _projections], options.LearningRate) { Threads = threads };
    }

    /// <summary>Epochs completed.</summary>
    public int Epoch { get; private set; }

    /// <summary>The training triples.</summary>
    public IReadOnlyList<Triple> Training => _training;

    /// <summary>One pass over the training triples in a seeded random order; returns the mean loss per batch triple.</summary>
    public double RunEpoch(CancellationToken cancellation = default)
    {
        _random = new SplitMix64(SplitMix64.Derive(_options.Seed, Epoch));
        for (int i = _order.Length - 1; i > 0; i--)
        {
            int j = _random.NextInt(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }

        double total = 0;
        var batch = new Triple[_options.BatchSize];
        for (int start = 0; start < _order.Length; start += _options.BatchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            int count = Math.Min(_options.BatchSize, _order.Length - start);
            for (int b = 0; b < count; b++)
            {
                batch[b] = _training[_order[start + b]];
            }

            total += count * (double)Step(batch.AsSpan(0, count));
        }

        Epoch++;
        return total / Math.Max(1, _order.Length);
    }

    /// <summary>One Adam step on <paramref name="batch"/> and fresh corruptions of it; returns the batch loss.</summary>
    public float Step(ReadOnlySpan<Triple> batch)
    {
        if (batch.IsEmpty)
        {
            return 0f;
        }

        int count = batch.Length, negatives = _options.Negatives;
        int[] heads = new int[count], relations = new int[count], tails = new int[count];
        int[] corruptHeads = new int[count * negatives], corruptRelations = new int[count * negatives], corruptTails = new int[count * negatives];
        for (int b = 0; b < count; b++)
        {
            var t = batch[b];
            (heads[b], relations[b], tails[b]) = (t.Head, t.Relation, t.Tail);
            for (int j = b * negatives; j < (b + 1) * negatives; j++)
            {
                (corruptHeads[j], corruptTails[j]) = _corruptor.Corrupt(t.Head, t.Relation, t.Tail, ref _random);
                corruptRelations[j] = t.Relation;
            }
        }

        // The previous step's tensors are no longer referenced, so their buffers can be lent again.
        _arena.Reset();
        using var scope = _arena.Activate();
        var tape = new Tape { Threads = _threads };
        var penalties = new List<Tensor>();
        var positive = Distances(tape, heads, relations, tails, penalties);
        var negative = Distances(tape, corruptHeads, corruptRelations, corruptTails, penalties);
        var loss = _options.Loss == KgEmbeddingLoss.Margin
            ? Ops.MarginRankingLoss(tape, positive, negative, _options.Margin)
            : Ops.SelfAdversarialLogisticLoss(tape, positive, negative, _options.Margin, _options.AdversarialTemperature);
        foreach (var penalty in penalties)
        {
            loss = Ops.Add(tape, loss, penalty);
        }

        float value = loss.Data[0];
        tape.Backward(loss);
        _adam.Step();
        if (_options.Method != KgEmbeddingMethod.RotatE)
        {
            int d = _options.Dimension;
            Constrain(_entities.Data, d, _entities.TouchedRows.ToArray(), exact: _options.Method == KgEmbeddingMethod.TransE);
            if (_options.Method == KgEmbeddingMethod.TransR)
            {
                Constrain(_relations.Data, d, [.. relations.Distinct()], exact: false);
            }
        }

        _adam.ZeroGrad();
        return value;
    }

    /// <summary>The embedding as it stands: a copy, unaffected by later steps.</summary>
    public KgEmbedding Snapshot() => KgEmbedding.Create(
        _options, _graph.Entities, _graph.Relations, (float[])_entities.Data.Clone(), (float[])_relations.Data.Clone(), _projections is null ? [] : (float[])_projections.Data.Clone());

    // f(h, r, t) for each triple of the batch with the method's fused op; TransR adds its soft norm constraints.
    private Tensor Distances(Tape tape, int[] heads, int[] relations, int[] tails, List<Tensor> penalties)
    {
        var h = Ops.EmbeddingLookup(tape, _entities, heads);
        var t = Ops.EmbeddingLookup(tape, _entities, tails);
        var r = Ops.EmbeddingLookup(tape, _relations, relations);
        if (_options.Method != KgEmbeddingMethod.TransR)
        {
            return _options.Method == KgEmbeddingMethod.RotatE ? Ops.RotationDistance(tape, h, r, t) : Ops.TranslationDistance(tape, h, r, t, _options.Norm);
        }

        var hr = Ops.RelationProjection(tape, h, _projections!, relations);
        var tr = Ops.RelationProjection(tape, t, _projections!, relations);
        penalties.Add(ProjectedNormPenalty(tape, hr));
        penalties.Add(ProjectedNormPenalty(tape, tr));
        return Ops.TranslationDistance(tape, hr, r, tr, DistanceNorm.SquaredL2);
    }

    // Lin et al. 2015, §3.2: ‖h M_r‖ ≤ 1 and ‖t M_r‖ ≤ 1, as the soft penalty mean_b [‖p_b‖² − 1]₊. Without it the
    // projections grow until every true triple is farther apart than ‖r‖² ≤ 1, so the head itself wins every tail query.
    private static Tensor ProjectedNormPenalty(Tape tape, Tensor projected)
    {
        var ones = new float[projected.Rows];
        Array.Fill(ones, 1f);
        var excess = Ops.ReLU(tape, Ops.Sub(tape, Ops.RowDot(tape, projected, projected), Tensor.FromArray(ones, [projected.Rows])));
        return Ops.Mean(tape, excess);
    }

    // Scales each listed row to norm 1 (exact) or down to norm at most 1.
    private static void Constrain(float[] data, int d, int[] rows, bool exact)
    {
        foreach (int row in rows)
        {
            var span = data.AsSpan(row * d, d);
            float norm = System.Numerics.Tensors.TensorPrimitives.Norm(span);
            if (norm > 0f && (exact || norm > 1f))
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(span, 1f / norm, span);
            }
        }
    }
}
