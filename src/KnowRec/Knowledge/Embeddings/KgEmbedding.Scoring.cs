using System.Numerics.Tensors;
using KnowRec.Numerics;

namespace KnowRec.Knowledge.Embeddings;

/// <content>Full-ranking scores −f(h, r, e) or −f(e, r, t) over every entity e, for link prediction.</content>
public sealed partial class KgEmbedding
{
    /// <inheritdoc/>
    public void ScoreCandidates(int relation, ReadOnlySpan<int> anchors, bool tails, Span<float> scores)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)relation, (uint)RelationIds.Count, nameof(relation));
        int n = Entities;
        if (scores.Length != anchors.Length * n)
        {
            throw new ArgumentException($"{scores.Length} scores for {anchors.Length} queries over {n} entities.", nameof(scores));
        }

        foreach (int anchor in anchors)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)anchor, (uint)n, nameof(anchors));
        }

        int d = Options.Dimension;
        var r = _relations.AsSpan(relation * d, d);
        switch (Method)
        {
            case KgEmbeddingMethod.RotatE:
                ScoreRotations(r, anchors, tails, scores);
                break;
            case KgEmbeddingMethod.TransR:
                // Every candidate is projected into the relation's space once per call: P = E M_r.
                var projected = new float[n * d];
                Gemm.Multiply(MatrixOp.None, MatrixOp.None, n, d, d, 1f, _entities, d, _projections.AsSpan(relation * d * d, d * d), d, 0f, projected, d, threads: 1);
                ScoreTranslations(projected, r, anchors, tails, Numerics.Autodiff.DistanceNorm.SquaredL2, scores);
                break;
            default:
                ScoreTranslations(_entities, r, anchors, tails, Options.Norm, scores);
                break;
        }
    }

    // score[e] = −‖q − e‖ with q = a + r (tails) or a − r (heads), since ‖a + r − e‖ = ‖e + r − a‖ read the other way.
    private void ScoreTranslations(float[] rows, ReadOnlySpan<float> r, ReadOnlySpan<int> anchors, bool tails, Numerics.Autodiff.DistanceNorm norm, Span<float> scores)
    {
        int n = Entities, d = Options.Dimension;
        Span<float> q = stackalloc float[d];
        for (int a = 0; a < anchors.Length; a++)
        {
            var anchor = rows.AsSpan(anchors[a] * d, d);
            if (tails)
            {
                TensorPrimitives.Add(anchor, r, q);
            }
            else
            {
                TensorPrimitives.Subtract(anchor, r, q);
            }

            var row = scores.Slice(a * n, n);
            for (int e = 0; e < n; e++)
            {
                var candidate = rows.AsSpan(e * d, d);
                row[e] = -(norm switch
                {
                    Numerics.Autodiff.DistanceNorm.L1 => CandidateKernels.L1(q, candidate),
                    Numerics.Autodiff.DistanceNorm.L2 => MathF.Sqrt(CandidateKernels.SquaredL2(q, candidate)),
                    _ => CandidateKernels.SquaredL2(q, candidate),
                });
            }
        }
    }

    // score[e] = −Σ_j |q_j − e_j| with q = a ∘ r (tails) or a ∘ r̄ (heads): |h r − t| = |h − t r̄| because |r_j| = 1.
    private void ScoreRotations(ReadOnlySpan<float> phases, ReadOnlySpan<int> anchors, bool tails, Span<float> scores)
    {
        int n = Entities, d = Options.Dimension, w = 2 * d;
        var cos = new float[d];
        var sin = new float[d];
        for (int j = 0; j < d; j++)
        {
            (sin[j], cos[j]) = MathF.SinCos(phases[j]);
            if (!tails)
            {
                sin[j] = -sin[j];
            }
        }

        var q = new float[w];
        for (int a = 0; a < anchors.Length; a++)
        {
            var anchor = _entities.AsSpan(anchors[a] * w, w);
            for (int j = 0; j < d; j++)
            {
                q[j] = (anchor[j] * cos[j]) - (anchor[d + j] * sin[j]);
                q[d + j] = (anchor[j] * sin[j]) + (anchor[d + j] * cos[j]);
            }

            var row = scores.Slice(a * n, n);
            for (int e = 0; e < n; e++)
            {
                row[e] = -CandidateKernels.ComplexL1(q, _entities.AsSpan(e * w, w));
            }
        }
    }
}
