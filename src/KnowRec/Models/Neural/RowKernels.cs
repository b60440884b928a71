using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KnowRec.Models.Neural;

/// <summary>Scoring-time arithmetic of the neural models on one row at a time, in a fixed order of sums.</summary>
/// <remarks>
/// A fitted model scores one item (<c>Score</c>) and the whole catalogue (<c>Recommend</c>) through the same per-row
/// code, so both give bit-identical numbers. The layers are small (widths of 8 to 256), where a call into a general
/// kernel costs more than the arithmetic, so these are inlined Vector256 loops with register accumulators.
/// </remarks>
internal static class RowKernels
{
    /// <summary>y = x·W + b, then max(y, 0) when <paramref name="relu"/>; W is [x.Length, y.Length] row-major.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Affine(ReadOnlySpan<float> x, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Span<float> y, bool relu)
    {
        int inputs = x.Length, outputs = y.Length;
        ref float rw = ref MemoryMarshal.GetReference(weight);
        int j = 0;

        // Output-stationary: each block of 8 outputs accumulates over the inputs in order, in registers.
        for (; j + 8 <= outputs; j += 8)
        {
            var acc = Vector256.Create(bias.Slice(j, 8));
            for (int k = 0; k < inputs; k++)
            {
                acc = Vector256.FusedMultiplyAdd(Vector256.Create(x[k]), Vector256.LoadUnsafe(ref rw, (nuint)((k * outputs) + j)), acc);
            }

            if (relu)
            {
                acc = Vector256.Max(acc, Vector256<float>.Zero);
            }

            acc.CopyTo(y.Slice(j, 8));
        }

        for (; j < outputs; j++)
        {
            float acc = bias[j];
            for (int k = 0; k < inputs; k++)
            {
                acc = MathF.FusedMultiplyAdd(x[k], weight[(k * outputs) + j], acc);
            }

            y[j] = relu && acc < 0f ? 0f : acc;
        }
    }

    /// <summary>Σ a_k·b_k, summed in a fixed order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    /// <summary>scores[i] = u · row i of <paramref name="rows"/> (row-major, u.Length columns): one user against every item vector.</summary>
    public static void DotRows(ReadOnlySpan<float> u, ReadOnlySpan<float> rows, Span<float> scores)
    {
        int d = u.Length;
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = Dot(u, rows.Slice(i * d, d));
        }
    }

    /// <summary>y = max(a + b, 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddRelu(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y)
    {
        System.Numerics.Tensors.TensorPrimitives.Add(a, b, y);
        System.Numerics.Tensors.TensorPrimitives.Max(y, 0f, y);
    }

    /// <summary>Rows [0, rows) of x·W (no bias), each row by <see cref="Affine"/>'s arithmetic; W is [inputs, outputs].</summary>
    public static float[] Project(float[] x, int rows, int inputs, float[] weight, float[] bias, int outputs)
    {
        var y = new float[rows * outputs];
        for (int r = 0; r < rows; r++)
        {
            Affine(x.AsSpan(r * inputs, inputs), weight, bias, y.AsSpan(r * outputs, outputs), relu: false);
        }

        return y;
    }
}
