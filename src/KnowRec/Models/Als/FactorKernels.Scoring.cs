using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KnowRec.Models.Als;

/// <content>
/// Full-catalogue scoring from a factor-major copy of the item factors: scores[i] = Σ_f x_f · Yᵀ[f, i]. Each block of
/// 64 items keeps its scores in eight registers while the k factor rows stream past, so there is no horizontal sum per
/// item (the item-major dot needs one for every item) and the loop runs at FMA throughput.
/// </content>
internal static partial class FactorKernels
{
    /// <summary>Items per register block of <see cref="ScoreByFactor"/>.</summary>
    public const int ItemBlock = 64;

    /// <summary>Item count rounded up to whole <see cref="ItemBlock"/>s: the row length of <see cref="Transpose"/>.</summary>
    public static int PaddedItems(int items) => (items + ItemBlock - 1) / ItemBlock * ItemBlock;

    /// <summary>The factor-major copy (factors × <see cref="PaddedItems"/>) of item-major rows, zero-padded.</summary>
    public static float[] Transpose(ReadOnlySpan<float> rows, int count, int stride, int factors)
    {
        int padded = PaddedItems(count);
        var transposed = new float[factors * padded];
        for (int i = 0; i < count; i++)
        {
            for (int f = 0; f < factors; f++)
            {
                transposed[(f * padded) + i] = rows[(i * stride) + f];
            }
        }

        return transposed;
    }

    /// <summary>
    /// One score computed exactly as <see cref="ScoreByFactor"/> computes it (fused multiply-adds in factor order from
    /// 0), so a single <c>Score</c> is bit-identical to the same item's score in a full ranking.
    /// </summary>
    public static float ScoreOne(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int factors)
    {
        float sum = 0f;
        for (int f = 0; f < factors; f++)
        {
            sum = MathF.FusedMultiplyAdd(x[f], y[f], sum);
        }

        return sum;
    }

    /// <summary>Writes x · Yᵀ[:, i] for every item i &lt; scores.Length.</summary>
    public static void ScoreByFactor(ReadOnlySpan<float> transposed, ReadOnlySpan<float> x, int factors, Span<float> scores)
    {
        int padded = PaddedItems(scores.Length);
        ref float rt = ref MemoryMarshal.GetReference(transposed);
        ref float rs = ref MemoryMarshal.GetReference(scores);
        Span<float> tail = stackalloc float[ItemBlock];
        for (int block = 0; block < padded; block += ItemBlock)
        {
            ref float start = ref Unsafe.Add(ref rt, block);
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            var a2 = Vector256<float>.Zero;
            var a3 = Vector256<float>.Zero;
            var a4 = Vector256<float>.Zero;
            var a5 = Vector256<float>.Zero;
            var a6 = Vector256<float>.Zero;
            var a7 = Vector256<float>.Zero;
            for (int f = 0; f < factors; f++)
            {
                ref float row = ref Unsafe.Add(ref start, f * padded);
                var xf = Vector256.Create(x[f]);
                a0 = Vector256.FusedMultiplyAdd(xf, Vector256.LoadUnsafe(ref row, 0), a0);
                a1 = Vector256.FusedMultiplyAdd(xf, Vector256.LoadUnsafe(ref row, 8), a1);
                a2 = Vector256.FusedMultiplyAdd(xf, Vector256.LoadUnsafe(ref row, 16), a2);
                a3 = Vector256.FusedMultiplyAdd(xf, Vector256.LoadUnsafe(ref row, 24), a3);
                a4 = Vector256.FusedMultiplyAdd(xf, Vector256.LoadUnsafe(ref row, 32), a4);
                a5 = Vector256.FusedMultiplyAdd(xf, Vector256.LoadUnsafe(ref row, 40), a5);
                a6 = Vector256.FusedMultiplyAdd(xf, Vector256.LoadUnsafe(ref row, 48), a6);
                a7 = Vector256.FusedMultiplyAdd(xf, Vector256.LoadUnsafe(ref row, 56), a7);
            }

            // The last block may run past the catalogue: it goes through a scratch block and only real items are copied.
            bool whole = block + ItemBlock <= scores.Length;
            ref float target = ref whole ? ref Unsafe.Add(ref rs, block) : ref MemoryMarshal.GetReference(tail);
            a0.StoreUnsafe(ref target, 0);
            a1.StoreUnsafe(ref target, 8);
            a2.StoreUnsafe(ref target, 16);
            a3.StoreUnsafe(ref target, 24);
            a4.StoreUnsafe(ref target, 32);
            a5.StoreUnsafe(ref target, 40);
            a6.StoreUnsafe(ref target, 48);
            a7.StoreUnsafe(ref target, 56);
            if (!whole)
            {
                tail[..(scores.Length - block)].CopyTo(scores[block..]);
            }
        }
    }
}
