using System.Numerics;

namespace KnowRec.Numerics.Autodiff;

/// <summary>Fused element-wise loops that <see cref="System.Numerics.Tensors.TensorPrimitives"/> has no single call for, on <see cref="Vector{T}"/>.</summary>
/// <remarks>
/// The scalar tail evaluates the same expression in the same order as the vector body, and the JIT does not contract
/// a·b + c into a fused multiply-add, so every element gets the same bits whichever path computes it.
/// </remarks>
internal static class VectorKernels
{
    /// <summary>target[i] += x[i] &gt; 0 ? g[i] : 0 (the ReLU backward step).</summary>
    public static void AddWherePositive(ReadOnlySpan<float> x, ReadOnlySpan<float> g, Span<float> target)
    {
        int i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var mask = Vector.GreaterThan(new Vector<float>(x[i..]), Vector<float>.Zero);
            (new Vector<float>(target[i..]) + Vector.ConditionalSelect(mask, new Vector<float>(g[i..]), Vector<float>.Zero)).CopyTo(target[i..]);
        }

        for (; i < x.Length; i++)
        {
            target[i] += x[i] > 0f ? g[i] : 0f;
        }
    }

    /// <summary>target[i] += g[i] · y[i] · (1 − y[i]) (the logistic function's backward step from its output y).</summary>
    public static void AddLogisticDerivative(ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> target)
    {
        var one = Vector<float>.One;
        int i = 0;
        for (; i <= y.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var yv = new Vector<float>(y[i..]);
            (new Vector<float>(target[i..]) + (new Vector<float>(g[i..]) * (yv * (one - yv)))).CopyTo(target[i..]);
        }

        for (; i < y.Length; i++)
        {
            target[i] += g[i] * (y[i] * (1f - y[i]));
        }
    }

    /// <summary>target[i] += g[i] · (1 − y[i]²) (tanh's backward step from its output y).</summary>
    public static void AddTanhDerivative(ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> target)
    {
        var one = Vector<float>.One;
        int i = 0;
        for (; i <= y.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var yv = new Vector<float>(y[i..]);
            (new Vector<float>(target[i..]) + (new Vector<float>(g[i..]) * (one - (yv * yv)))).CopyTo(target[i..]);
        }

        for (; i < y.Length; i++)
        {
            target[i] += g[i] * (1f - (y[i] * y[i]));
        }
    }

    /// <summary>Σ (a[i] − b[i])², summed in float lanes then in double.</summary>
    public static double SumOfSquaredDifferences(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var lanes = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var d = new Vector<float>(a[i..]) - new Vector<float>(b[i..]);
            lanes += d * d;
        }

        double total = 0;
        for (int lane = 0; lane < Vector<float>.Count; lane++)
        {
            total += lanes[lane];
        }

        for (; i < a.Length; i++)
        {
            float d = a[i] - b[i];
            total += d * d;
        }

        return total;
    }

    /// <summary>gp[i] += s · (p[i] − t[i]) and gt[i] −= s · (p[i] − t[i]); either target may be empty to skip it.</summary>
    public static void AddScaledDifference(ReadOnlySpan<float> p, ReadOnlySpan<float> t, float s, Span<float> gp, Span<float> gt)
    {
        var scale = new Vector<float>(s);
        int i = 0;
        for (; i <= p.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var step = scale * (new Vector<float>(p[i..]) - new Vector<float>(t[i..]));
            if (!gp.IsEmpty)
            {
                (new Vector<float>(gp[i..]) + step).CopyTo(gp[i..]);
            }

            if (!gt.IsEmpty)
            {
                (new Vector<float>(gt[i..]) - step).CopyTo(gt[i..]);
            }
        }

        for (; i < p.Length; i++)
        {
            float step = s * (p[i] - t[i]);
            if (!gp.IsEmpty)
            {
                gp[i] += step;
            }

            if (!gt.IsEmpty)
            {
                gt[i] -= step;
            }
        }
    }

    /// <summary>Σ max(x, 0) − x·y + softplus, where softplus[i] = log(1 + e^−|x[i]|) (binary cross-entropy terms).</summary>
    public static double SumBinaryCrossEntropyTerms(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> softplus)
    {
        var lanes = Vector<float>.Zero;
        int i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var xv = new Vector<float>(x[i..]);
            lanes += Vector.Max(xv, Vector<float>.Zero) - (xv * new Vector<float>(y[i..])) + new Vector<float>(softplus[i..]);
        }

        double total = 0;
        for (int lane = 0; lane < Vector<float>.Count; lane++)
        {
            total += lanes[lane];
        }

        for (; i < x.Length; i++)
        {
            total += Math.Max(x[i], 0f) - (x[i] * y[i]) + softplus[i];
        }

        return total;
    }
}
