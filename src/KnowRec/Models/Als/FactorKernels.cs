using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KnowRec.Models.Als;

/// <summary>SIMD kernels over factor rows whose length is a multiple of 8 (rows are zero-padded to <see cref="Stride"/>).</summary>
/// <remarks>
/// The rows are short (k = 64 is typical), so these are written as inlined Vector256 loops: a TensorPrimitives call per
/// row costs more in call overhead than the arithmetic at this length. Fused multiply-adds keep results bit-identical
/// on every x64 machine with FMA, which the determinism contract relies on.
/// </remarks>
internal static partial class FactorKernels
{
    /// <summary>Row length for <paramref name="factors"/> factors: rounded up to whole Vector256 lanes.</summary>
    public static int Stride(int factors) => (factors + 7) & ~7;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        ref float ra = ref MemoryMarshal.GetReference(a);
        ref float rb = ref MemoryMarshal.GetReference(b);
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        int n = a.Length;
        int k = 0;
        for (; k + 16 <= n; k += 16)
        {
            acc0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref ra, (nuint)k), Vector256.LoadUnsafe(ref rb, (nuint)k), acc0);
            acc1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref ra, (nuint)(k + 8)), Vector256.LoadUnsafe(ref rb, (nuint)(k + 8)), acc1);
        }

        if (k < n)
        {
            acc0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref ra, (nuint)k), Vector256.LoadUnsafe(ref rb, (nuint)k), acc0);
        }

        return Vector256.Sum(acc0 + acc1);
    }

    /// <summary>acc += s · y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(Span<float> acc, float s, ReadOnlySpan<float> y)
    {
        ref float ra = ref MemoryMarshal.GetReference(acc);
        ref float ry = ref MemoryMarshal.GetReference(y);
        var vs = Vector256.Create(s);
        for (int k = 0; k < acc.Length; k += 8)
        {
            Vector256.FusedMultiplyAdd(vs, Vector256.LoadUnsafe(ref ry, (nuint)k), Vector256.LoadUnsafe(ref ra, (nuint)k)).StoreUnsafe(ref ra, (nuint)k);
        }
    }

    /// <summary>p = r + s · p (the conjugate-direction update).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ScaleAndAdd(Span<float> p, float s, ReadOnlySpan<float> r)
    {
        ref float rp = ref MemoryMarshal.GetReference(p);
        ref float rr = ref MemoryMarshal.GetReference(r);
        var vs = Vector256.Create(s);
        for (int k = 0; k < p.Length; k += 8)
        {
            Vector256.FusedMultiplyAdd(vs, Vector256.LoadUnsafe(ref rp, (nuint)k), Vector256.LoadUnsafe(ref rr, (nuint)k)).StoreUnsafe(ref rp, (nuint)k);
        }
    }

    /// <summary>result = a · x for a square row-major matrix of order x.Length.</summary>
    public static void MatVec(ReadOnlySpan<float> a, ReadOnlySpan<float> x, Span<float> result)
    {
        int n = x.Length;
        for (int j = 0; j < n; j++)
        {
            result[j] = Dot(a.Slice(j * n, n), x);
        }
    }

    /// <summary>The Gram matrix FᵀF + λI of <paramref name="rows"/> rows of length <paramref name="stride"/> (order stride).</summary>
    /// <remarks>λ goes on the padding diagonal too, so the padded system stays positive definite and pads solve to 0.</remarks>
    public static float[] Gram(ReadOnlySpan<float> factors, int rows, int stride, float lambda)
    {
        var gram = new float[stride * stride];
        for (int r = 0; r < rows; r++)
        {
            var y = factors.Slice(r * stride, stride);
            for (int j = 0; j < stride; j++)
            {
                if (y[j] != 0f)
                {
                    AddScaled(gram.AsSpan(j * stride, stride), y[j], y);
                }
            }
        }

        for (int j = 0; j < stride; j++)
        {
            gram[(j * stride) + j] += lambda;
        }

        return gram;
    }
}
