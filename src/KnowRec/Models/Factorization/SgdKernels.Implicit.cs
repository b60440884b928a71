using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KnowRec.Models.Factorization;

/// <content>The SVD++ kernels: the implicit-feedback sum and its rows.</content>
internal static partial class SgdKernels
{
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

    /// <summary>sum += x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddTo(Span<float> sum, ReadOnlySpan<float> x)
    {
        int n = sum.Length;
        if ((uint)x.Length != (uint)n)
        {
            throw new ArgumentException("Factor rows differ in length.", nameof(x));
        }

        ref float sr = ref MemoryMarshal.GetReference(sum);
        ref float xr = ref MemoryMarshal.GetReference(x);
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; k <= n - Vector<float>.Count; k += Vector<float>.Count)
            {
                (Vector.LoadUnsafe(ref sr, (nuint)k) + Vector.LoadUnsafe(ref xr, (nuint)k)).StoreUnsafe(ref sr, (nuint)k);
            }
        }

        for (; k < n; k++)
        {
            Unsafe.Add(ref sr, k) += Unsafe.Add(ref xr, k);
        }
    }

    /// <summary>y ← a·y + b·g (<paramref name="g"/> may be <paramref name="y"/> itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScaleAdd(Span<float> y, float a, ReadOnlySpan<float> g, float b)
    {
        int n = y.Length;
        if ((uint)g.Length != (uint)n)
        {
            throw new ArgumentException("Factor rows differ in length.", nameof(g));
        }

        ref float yr = ref MemoryMarshal.GetReference(y);
        ref float gr = ref MemoryMarshal.GetReference(g);
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<float>(a);
            var vb = new Vector<float>(b);
            for (; k <= n - Vector<float>.Count; k += Vector<float>.Count)
            {
                ((va * Vector.LoadUnsafe(ref yr, (nuint)k)) + (vb * Vector.LoadUnsafe(ref gr, (nuint)k))).StoreUnsafe(ref yr, (nuint)k);
            }
        }

        for (; k < n; k++)
        {
            Unsafe.Add(ref yr, k) = (a * Unsafe.Add(ref yr, k)) + (b * Unsafe.Add(ref gr, k));
        }
    }
}
