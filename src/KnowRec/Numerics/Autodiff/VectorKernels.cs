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

    /// <summary>√(2/π), the slope of the tanh argument in the GELU approximation.</summary>
    public const float GeluSlope = 0.7978845608028654f;

    /// <summary>The cubic coefficient 0.044715 of the GELU approximation.</summary>
    public const float GeluCubic = 0.044715f;

    /// <summary>u[i] = √(2/π) · (x + 0.044715 x³), the argument of tanh in the GELU approximation.</summary>
    public static void GeluArgument(ReadOnlySpan<float> x, Span<float> u)
    {
        var slope = new Vector<float>(GeluSlope);
        var cubic = new Vector<float>(GeluCubic);
        var one = Vector<float>.One;
        int i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var xv = new Vector<float>(x[i..]);
            (slope * (xv * (one + (cubic * (xv * xv))))).CopyTo(u[i..]);
        }

        for (; i < x.Length; i++)
        {
            u[i] = GeluSlope * (x[i] * (1f + (GeluCubic * (x[i] * x[i]))));
        }
    }

    /// <summary>y[i] = ½ x (1 + t), with t = tanh(u) from <see cref="GeluArgument"/>; y may be t's span.</summary>
    public static void GeluFromTanh(ReadOnlySpan<float> x, ReadOnlySpan<float> t, Span<float> y)
    {
        var half = new Vector<float>(0.5f);
        var one = Vector<float>.One;
        int i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            (half * new Vector<float>(x[i..]) * (one + new Vector<float>(t[i..]))).CopyTo(y[i..]);
        }

        for (; i < x.Length; i++)
        {
            y[i] = 0.5f * x[i] * (1f + t[i]);
        }
    }

    /// <summary>target[i] += g · (½(1 + t) + ½ x (1 − t²) √(2/π)(1 + 3·0.044715 x²)), the GELU derivative, with t = tanh(u).</summary>
    public static void AddGeluDerivative(ReadOnlySpan<float> x, ReadOnlySpan<float> t, ReadOnlySpan<float> g, Span<float> target)
    {
        var half = new Vector<float>(0.5f);
        var one = Vector<float>.One;
        var slope = new Vector<float>(GeluSlope);
        var cubic3 = new Vector<float>(3f * GeluCubic);
        int i = 0;
        for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var xv = new Vector<float>(x[i..]);
            var tv = new Vector<float>(t[i..]);
            var derivative = (half * (one + tv)) + (half * xv * (one - (tv * tv)) * slope * (one + (cubic3 * (xv * xv))));
            (new Vector<float>(target[i..]) + (new Vector<float>(g[i..]) * derivative)).CopyTo(target[i..]);
        }

        for (; i < x.Length; i++)
        {
            float xi = x[i], ti = t[i];
            float derivative = (0.5f * (1f + ti)) + (0.5f * xi * (1f - (ti * ti)) * GeluSlope * (1f + (3f * GeluCubic * (xi * xi))));
            target[i] += g[i] * derivative;
        }
    }
}
