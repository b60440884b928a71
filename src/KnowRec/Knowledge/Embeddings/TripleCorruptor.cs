using KnowRec.Numerics;

namespace KnowRec.Knowledge.Embeddings;

/// <summary>Draws corrupted triples (a true triple with its head or tail replaced by a uniform entity) for training.</summary>
/// <remarks>
/// A draw that happens to be a known true triple is drawn again, up to <see cref="Retries"/> times: on a graph like
/// Freebase's, where a film has dozens of actors, "corrupting" into another true fact would teach the wrong thing.
/// Immutable after construction; the caller owns the random stream, so draws are reproducible.
/// </remarks>
internal sealed class TripleCorruptor
{
    /// <summary>Redraws allowed when a corruption is a known triple; the last draw is kept whatever it is.</summary>
    public const int Retries = 10;

    private readonly HashSet<long> _known;
    private readonly float[] _headProbability;
    private readonly int _entities;
    private readonly int _relations;

    /// <summary>Prepares corruptions of <paramref name="triples"/> over <paramref name="entities"/> entities.</summary>
    /// <param name="triples">The triples treated as true (typically every known triple, training and held-out alike).</param>
    /// <param name="entities">Number of entities to draw from.</param>
    /// <param name="relations">Number of relations.</param>
    /// <param name="sampling">Uniform or Bernoulli choice of the side to replace.</param>
    public TripleCorruptor(IReadOnlyList<Triple> triples, int entities, int relations, CorruptionSampling sampling)
    {
        _entities = entities;
        _relations = relations;
        _known = new HashSet<long>(triples.Count);
        foreach (var t in triples)
        {
            _known.Add(Key(t.Head, t.Relation, t.Tail));
        }

        _headProbability = new float[relations];
        Array.Fill(_headProbability, 0.5f);
        if (sampling == CorruptionSampling.Bernoulli)
        {
            // tph = triples / distinct heads, hpt = triples / distinct tails, per relation (Wang et al. 2014, §3.2).
            var heads = new HashSet<long>();
            var tails = new HashSet<long>();
            var count = new int[relations];
            foreach (var t in triples)
            {
                count[t.Relation]++;
                heads.Add(((long)t.Relation * entities) + t.Head);
                tails.Add(((long)t.Relation * entities) + t.Tail);
            }

            var distinctHeads = new int[relations];
            var distinctTails = new int[relations];
            foreach (long key in heads)
            {
                distinctHeads[key / entities]++;
            }

            foreach (long key in tails)
            {
                distinctTails[key / entities]++;
            }

            for (int r = 0; r < relations; r++)
            {
                if (count[r] > 0)
                {
                    double tph = (double)count[r] / distinctHeads[r], hpt = (double)count[r] / distinctTails[r];
                    _headProbability[r] = (float)(tph / (tph + hpt));
                }
            }
        }
    }

    /// <summary>Probability of replacing the head of a triple of <paramref name="relation"/>.</summary>
    public float HeadProbability(int relation) => _headProbability[relation];

    /// <summary>Whether the triple is one of the known true triples.</summary>
    public bool IsKnown(int head, int relation, int tail) => _known.Contains(Key(head, relation, tail));

    /// <summary>A corruption of (head, relation, tail): the new head and tail.</summary>
    public (int Head, int Tail) Corrupt(int head, int relation, int tail, ref SplitMix64 random)
    {
        bool replaceHead = random.NextSingle() < _headProbability[relation];
        int h = head, t = tail;
        for (int attempt = 0; attempt <= Retries; attempt++)
        {
            int e = random.NextInt(_entities);
            (h, t) = replaceHead ? (e, tail) : (head, e);
            if (!IsKnown(h, relation, t))
            {
                break;
            }
        }

        return (h, t);
    }

    private long Key(int head, int relation, int tail) => ((((long)head * _relations) + relation) * _entities) + tail;
}
