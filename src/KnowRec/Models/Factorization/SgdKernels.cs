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
internal static partial class SgdKernels
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
