using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KnowRec.Models.Factorization;

/// <summary>SIMD inner loops of the factorisation SGD: each reads and writes every factor row once per rating.</summary>
/// <remarks>
/// TensorPrimitives would need two to five passes (and a copy of the old row) for the simultaneous p/q update; one fused
/// pass over <see cref="Vector{T}"/> lanes keeps the rows in registers. Callers pass rows of equal length that do not overlap.
/// Loops are marked for full optimisation at once: a fit runs them once per process, before tiered JIT would promote them.
/// </remarks>
internal static class FactorKernels
{
    /// <summary>p·q over <see cref="Vector{T}"/> lanes.</summary>
    /// <remarks>
    /// TensorPrimitives.Dot is not marked for immediate optimisation, so in a process's first fit it runs as slow tier-0
    /// code for most of the run (measured: the first of five ml-100k folds took 2–3× the CPU time of the others).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Dot(ReadOnlySpan<float> p, ReadOnlySpan<float> q)
    {
        int n = p.Length;
        if ((uint)q.Length != (uint)n)
        {
            throw new ArgumentException("Factor rows differ in length.", nameof(q));
        }

        ref float pr = ref MemoryMarshal.GetReference(p);
        ref float qr = ref MemoryMarshal.GetReference(q);
        int k = 0;
        float sum = 0f;
        if (Vector.IsHardwareAccelerated)
        {
            var acc = Vector<float>.Zero;
            for (; k <= n - Vector<float>.Count; k += Vector<float>.Count)
            {
                acc += Vector.LoadUnsafe(ref pr, (nuint)k) * Vector.LoadUnsafe(ref qr, (nuint)k);
            }

            sum = Vector.Sum(acc);
        }

        for (; k < n; k++)
        {
            sum += Unsafe.Add(ref pr, k) * Unsafe.Add(ref qr, k);
        }

        return sum;
    }

    /// <summary>p ← decay·p + step·q and q ← decay·q + step·p, both right-hand sides from the old values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CoupledStep(Span<float> p, Span<float> q, float decay, float step)
    {
        int n = p.Length;
        if ((uint)q.Length != (uint)n)
        {
            throw new ArgumentException("Factor rows differ in length.", nameof(q));
        }

        ref float pr = ref MemoryMarshal.GetReference(p);
        ref float qr = ref MemoryMarshal.GetReference(q);
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vd = new Vector<float>(decay);
            var vs = new Vector<float>(step);
            for (; k <= n - Vector<float>.Count; k += Vector<float>.Count)
            {
                var vp = Vector.LoadUnsafe(ref pr, (nuint)k);
                var vq = Vector.LoadUnsafe(ref qr, (nuint)k);
                ((vd * vp) + (vs * vq)).StoreUnsafe(ref pr, (nuint)k);
                ((vd * vq) + (vs * vp)).StoreUnsafe(ref qr, (nuint)k);
            }
        }

        for (; k < n; k++)
        {
            float pk = Unsafe.Add(ref pr, k);
            float qk = Unsafe.Add(ref qr, k);
            Unsafe.Add(ref pr, k) = (decay * pk) + (step * qk);
            Unsafe.Add(ref qr, k) = (decay * qk) + (step * pk);
        }
    }

    /// <summary>q·(p + z), the SVD++ interaction term, summed lane-wise then across lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float DotSum(ReadOnlySpan<float> q, ReadOnlySpan<float> p, ReadOnlySpan<float> z)
    {
        int n = q.Length;
        if ((uint)p.Length != (uint)n || (uint)z.Length != (uint)n)
        {
            throw new ArgumentException("Factor rows differ in length.", nameof(p));
        }

        ref float qr = ref MemoryMarshal.GetReference(q);
        ref float pr = ref MemoryMarshal.GetReference(p);
        ref float zr = ref MemoryMarshal.GetReference(z);
        int k = 0;
        float sum = 0f;
        if (Vector.IsHardwareAccelerated)
        {
            var acc = Vector<float>.Zero;
            for (; k <= n - Vector<float>.Count; k += Vector<float>.Count)
            {
                acc += Vector.LoadUnsafe(ref qr, (nuint)k) * (Vector.LoadUnsafe(ref pr, (nuint)k) + Vector.LoadUnsafe(ref zr, (nuint)k));
            }

            sum = Vector.Sum(acc);
        }

        for (; k < n; k++)
        {
            sum += Unsafe.Add(ref qr, k) * (Unsafe.Add(ref pr, k) + Unsafe.Add(ref zr, k));
        }

        return sum;
    }

    /// <summary>
    /// The SVD++ factor step for one rating with error <paramref name="error"/>: p ← decay·p + γe·q,
    /// q ← decay·q + γe·(p + z), and g += e·q, every right-hand side from the old values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ImplicitStep(Span<float> p, Span<float> q, ReadOnlySpan<float> z, Span<float> gradient, float decay, float rate, float error)
    {
        int n = p.Length;
        if ((uint)q.Length != (uint)n || (uint)z.Length != (uint)n || (uint)gradient.Length != (uint)n)
        {
            throw new ArgumentException("Factor rows differ in length.", nameof(q));
        }

        ref float pr = ref MemoryMarshal.GetReference(p);
        ref float qr = ref MemoryMarshal.GetReference(q);
        ref float zr = ref MemoryMarshal.GetReference(z);
        ref float gr = ref MemoryMarshal.GetReference(gradient);
        float step = rate * error;
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vd = new Vector<float>(decay);
            var vs = new Vector<float>(step);
            var ve = new Vector<float>(error);
            for (; k <= n - Vector<float>.Count; k += Vector<float>.Count)
            {
                var vp = Vector.LoadUnsafe(ref pr, (nuint)k);
                var vq = Vector.LoadUnsafe(ref qr, (nuint)k);
                var vz = Vector.LoadUnsafe(ref zr, (nuint)k);
                ((vd * vp) + (vs * vq)).StoreUnsafe(ref pr, (nuint)k);
                ((vd * vq) + (vs * (vp + vz))).StoreUnsafe(ref qr, (nuint)k);
                (Vector.LoadUnsafe(ref gr, (nuint)k) + (ve * vq)).StoreUnsafe(ref gr, (nuint)k);
            }
        }

        for (; k < n; k++)
        {
            float pk = Unsafe.Add(ref pr, k);
            float qk = Unsafe.Add(ref qr, k);
            Unsafe.Add(ref pr, k) = (decay * pk) + (step * qk);
            Unsafe.Add(ref qr, k) = (decay * qk) + (step * (pk + Unsafe.Add(ref zr, k)));
            Unsafe.Add(ref gr, k) += error * qk;
        }
    }

    /// <summary>Fills <paramref name="values"/> with draws from N(0, σ²) (Box–Muller on <paramref name="random"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FillNormal(Span<float> values, double standardDeviation, System.Random random)
    {
        for (int k = 0; k < values.Length; k += 2)
        {
            // 1 − U lies in (0, 1], so the logarithm is finite.
            double radius = standardDeviation * Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            double angle = 2.0 * Math.PI * random.NextDouble();
            values[k] = (float)(radius * Math.Cos(angle));
            if (k + 1 < values.Length)
            {
                values[k + 1] = (float)(radius * Math.Sin(angle));
            }
        }
    }

    /// <summary>Fisher–Yates shuffle of <paramref name="values"/> with <paramref name="random"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Shuffle<T>(Span<T> values, System.Random random)
    {
        for (int k = values.Length - 1; k > 0; k--)
        {
            int j = random.Next(k + 1);
            (values[k], values[j]) = (values[j], values[k]);
        }
    }
}
