using System.Numerics;
using System.Runtime.InteropServices;

namespace KnowRec.Numerics.Optimizers;

/// <summary>The element-wise Adam update shared by <see cref="Adam"/> (coupled L2) and <see cref="AdamW"/> (decoupled decay).</summary>
/// <remarks>
/// Vector and scalar paths perform the same IEEE operations in the same order (no fused multiply-add), so an element
/// gets the same bits whichever path handles it: a lazy row update equals the dense update of that row.
/// </remarks>
internal static class AdamKernel
{
    /// <summary>
    /// g = grad + coupled·θ; m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; θ ← θ·keep − step·m/(√v + ε).
    /// </summary>
    /// <param name="theta">Parameters, updated in place.</param>
    /// <param name="grad">Their gradient.</param>
    /// <param name="m">First moment, updated in place.</param>
    /// <param name="v">Second moment, updated in place.</param>
    /// <param name="beta1">β₁.</param>
    /// <param name="beta2">β₂.</param>
    /// <param name="step">Step size with both bias corrections folded in.</param>
    /// <param name="epsilon">ε, already scaled by √(1−β₂ᵗ).</param>
    /// <param name="coupled">L2 coefficient added to the gradient (Adam), or 0.</param>
    /// <param name="keep">Multiplier of θ before the step: 1 − α·λ for decoupled decay (AdamW), else 1.</param>
    public static void Apply(
        Span<float> theta, ReadOnlySpan<float> grad, Span<float> m, Span<float> v,
        float beta1, float beta2, float step, float epsilon, float coupled, float keep)
    {
        int n = theta.Length;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<float>.Count)
        {
            var vt = MemoryMarshal.Cast<float, Vector<float>>(theta);
            var vg = MemoryMarshal.Cast<float, Vector<float>>(grad);
            var vm = MemoryMarshal.Cast<float, Vector<float>>(m);
            var vv = MemoryMarshal.Cast<float, Vector<float>>(v);
            var b1 = new Vector<float>(beta1);
            var c1 = new Vector<float>(1 - beta1);
            var b2 = new Vector<float>(beta2);
            var c2 = new Vector<float>(1 - beta2);
            var s = new Vector<float>(step);
            var e = new Vector<float>(epsilon);
            var d = new Vector<float>(coupled);
            var k = new Vector<float>(keep);
            for (int j = 0; j < vt.Length; j++)
            {
                var g = vg[j] + (d * vt[j]);
                var mj = (b1 * vm[j]) + (c1 * g);
                var vj = (b2 * vv[j]) + (c2 * g * g);
                vm[j] = mj;
                vv[j] = vj;
                vt[j] = (vt[j] * k) - (s * mj / (Vector.SquareRoot(vj) + e));
            }

            i = vt.Length * Vector<float>.Count;
        }

        for (; i < n; i++)
        {
            float g = grad[i] + (coupled * theta[i]);
            float mi = (beta1 * m[i]) + ((1 - beta1) * g);
            float vi = (beta2 * v[i]) + ((1 - beta2) * g * g);
            m[i] = mi;
            v[i] = vi;
            theta[i] = (theta[i] * keep) - (step * mi / (MathF.Sqrt(vi) + epsilon));
        }
    }

    /// <summary>α_t = α·√(1−β₂ᵗ)/(1−β₁ᵗ) and ε_t = ε·√(1−β₂ᵗ): both bias corrections folded into the step (Kingma &amp; Ba 2015, Section 2, last paragraph).</summary>
    public static (float Step, float Epsilon) Corrected(float learningRate, float beta1, float beta2, float epsilon, long steps)
    {
        double t = steps;
        double root = Math.Sqrt(1 - Math.Pow(beta2, t));
        return ((float)(learningRate * root / (1 - Math.Pow(beta1, t))), epsilon * (float)root);
    }
}
