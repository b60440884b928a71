using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KnowRec.Models.Als;

/// <content>
/// The two hot loops of a conjugate-gradient solve, with a register-resident path for k = 64 on AVX-512: there the
/// direction vector and the accumulator stay in eight zmm registers for the whole pass over a row's entries, so each
/// entry costs only the loads of its factor row.
/// </content>
internal static partial class FactorKernels
{
    /// <summary>
    /// acc += Σ_e w_e·y_e over the row's positive entries, with extra_e = α·r_e and
    /// w_e = 1 + extra_e − extra_e·(y_e·v) when <paramref name="residual"/> (the b − A·v part of eq. 4), else
    /// w_e = extra_e·(y_e·v) (the Σ (c − 1)·y yᵀ·v part of A·v).
    /// </summary>
    public static void AccumulateRows(
        Span<float> acc, ReadOnlySpan<float> v, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, float alpha, bool residual, ReadOnlySpan<float> others)
    {
        int n = v.Length;
        if (n == 64 && Vector512.IsHardwareAccelerated)
        {
            AccumulateRows64(acc, v, columns, values, alpha, residual, others);
            return;
        }

        for (int e = 0; e < columns.Length; e++)
        {
            if (values[e] > 0f)
            {
                var y = others.Slice(columns[e] * n, n);
                float extra = alpha * values[e];
                float d = Dot(y, v);
                AddScaled(acc, residual ? 1f + extra - (extra * d) : extra * d, y);
            }
        }
    }

    /// <summary>result = a · x for a symmetric row-major matrix of order x.Length (computed as Σ_j x_j · row_j).</summary>
    public static void SymmetricMatVec(ReadOnlySpan<float> a, ReadOnlySpan<float> x, Span<float> result)
    {
        int n = x.Length;
        if (n == 64 && Vector512.IsHardwareAccelerated)
        {
            SymmetricMatVec64(a, x, result);
            return;
        }

        MatVec(a, x, result);
    }

    private static void AccumulateRows64(
        Span<float> acc, ReadOnlySpan<float> v, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, float alpha, bool residual, ReadOnlySpan<float> others)
    {
        ref float rv = ref MemoryMarshal.GetReference(v);
        ref float ra = ref MemoryMarshal.GetReference(acc);
        ref float ro = ref MemoryMarshal.GetReference(others);
        var v0 = Vector512.LoadUnsafe(ref rv, 0);
        var v1 = Vector512.LoadUnsafe(ref rv, 16);
        var v2 = Vector512.LoadUnsafe(ref rv, 32);
        var v3 = Vector512.LoadUnsafe(ref rv, 48);
        var a0 = Vector512.LoadUnsafe(ref ra, 0);
        var a1 = Vector512.LoadUnsafe(ref ra, 16);
        var a2 = Vector512.LoadUnsafe(ref ra, 32);
        var a3 = Vector512.LoadUnsafe(ref ra, 48);
        for (int e = 0; e < columns.Length; e++)
        {
            float value = values[e];
            if (!(value > 0f))
            {
                continue;
            }

            ref float ry = ref Unsafe.Add(ref ro, (nint)columns[e] * 64);
            var y0 = Vector512.LoadUnsafe(ref ry, 0);
            var y1 = Vector512.LoadUnsafe(ref ry, 16);
            var y2 = Vector512.LoadUnsafe(ref ry, 32);
            var y3 = Vector512.LoadUnsafe(ref ry, 48);
            float d = Vector512.Sum(Vector512.FusedMultiplyAdd(y0, v0, y1 * v1) + Vector512.FusedMultiplyAdd(y2, v2, y3 * v3));
            float extra = alpha * value;
            var w = Vector512.Create(residual ? 1f + extra - (extra * d) : extra * d);
            a0 = Vector512.FusedMultiplyAdd(w, y0, a0);
            a1 = Vector512.FusedMultiplyAdd(w, y1, a1);
            a2 = Vector512.FusedMultiplyAdd(w, y2, a2);
            a3 = Vector512.FusedMultiplyAdd(w, y3, a3);
        }

        a0.StoreUnsafe(ref ra, 0);
        a1.StoreUnsafe(ref ra, 16);
        a2.StoreUnsafe(ref ra, 32);
        a3.StoreUnsafe(ref ra, 48);
    }

    private static void SymmetricMatVec64(ReadOnlySpan<float> a, ReadOnlySpan<float> x, Span<float> result)
    {
        ref float rm = ref MemoryMarshal.GetReference(a);
        ref float rx = ref MemoryMarshal.GetReference(x);

        // Two accumulator sets halve the FMA dependency chains.
        var s0 = Vector512<float>.Zero;
        var s1 = Vector512<float>.Zero;
        var s2 = Vector512<float>.Zero;
        var s3 = Vector512<float>.Zero;
        var t0 = Vector512<float>.Zero;
        var t1 = Vector512<float>.Zero;
        var t2 = Vector512<float>.Zero;
        var t3 = Vector512<float>.Zero;
        for (int j = 0; j < 64; j += 2)
        {
            ref float row = ref Unsafe.Add(ref rm, j * 64);
            var xj = Vector512.Create(Unsafe.Add(ref rx, j));
            s0 = Vector512.FusedMultiplyAdd(xj, Vector512.LoadUnsafe(ref row, 0), s0);
            s1 = Vector512.FusedMultiplyAdd(xj, Vector512.LoadUnsafe(ref row, 16), s1);
            s2 = Vector512.FusedMultiplyAdd(xj, Vector512.LoadUnsafe(ref row, 32), s2);
            s3 = Vector512.FusedMultiplyAdd(xj, Vector512.LoadUnsafe(ref row, 48), s3);
            var xk = Vector512.Create(Unsafe.Add(ref rx, j + 1));
            t0 = Vector512.FusedMultiplyAdd(xk, Vector512.LoadUnsafe(ref row, 64), t0);
            t1 = Vector512.FusedMultiplyAdd(xk, Vector512.LoadUnsafe(ref row, 80), t1);
            t2 = Vector512.FusedMultiplyAdd(xk, Vector512.LoadUnsafe(ref row, 96), t2);
            t3 = Vector512.FusedMultiplyAdd(xk, Vector512.LoadUnsafe(ref row, 112), t3);
        }

        ref float rr = ref MemoryMarshal.GetReference(result);
        (s0 + t0).StoreUnsafe(ref rr, 0);
        (s1 + t1).StoreUnsafe(ref rr, 16);
        (s2 + t2).StoreUnsafe(ref rr, 32);
        (s3 + t3).StoreUnsafe(ref rr, 48);
    }
}
