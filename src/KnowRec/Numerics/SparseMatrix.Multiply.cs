using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KnowRec.Numerics;

/// <content>
/// Sparse × dense product. Each output row is a weighted sum of dense rows, accumulated in registers one tile of
/// columns at a time while the row's entries stream past, so an entry costs the load of one dense row tile and its
/// fused multiply-adds, and the output row is written once.
/// </content>
public sealed partial class SparseMatrix
{
    // Entries per work piece: big enough that a piece outweighs the cost of handing it to a thread.
    private const int PieceNonZeros = 16_384;

    /// <summary>y = A·x, or y += A·x when <paramref name="accumulate"/>, for a dense row-major x of <see cref="Columns"/> × <paramref name="width"/>.</summary>
    /// <param name="x">The dense right operand, <see cref="Columns"/> × width, row-major.</param>
    /// <param name="width">Columns of x and y.</param>
    /// <param name="y">The result, <see cref="Rows"/> × width, row-major; must not share memory with x.</param>
    /// <param name="accumulate">Whether to add to y rather than overwrite it.</param>
    /// <param name="threads">Most threads; 0 or less means all cores.</param>
    /// <remarks>
    /// Every output element is its starting value (0, or y's) followed by one fused multiply-add per entry of its row,
    /// in the row's column order, whatever the vector width or thread count: results are bit-identical for any
    /// <paramref name="threads"/>. Rows are handed out in pieces of similar entry counts, fixed by the matrix.
    /// </remarks>
    public void Multiply(float[] x, int width, float[] y, bool accumulate, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        if (x.Length < (long)Columns * width)
        {
            throw new ArgumentException($"x holds {x.Length} elements, fewer than {Columns} × {width}.", nameof(x));
        }

        if (y.Length < (long)Rows * width)
        {
            throw new ArgumentException($"y holds {y.Length} elements, fewer than {Rows} × {width}.", nameof(y));
        }

        if (width == 0)
        {
            return;
        }

        int pieces = _pieces.Length - 1;
        threads = threads <= 0 ? Environment.ProcessorCount : threads;
        if (threads == 1 || pieces <= 1)
        {
            MultiplyRows(0, Rows, x, width, y, accumulate);
            return;
        }

        Parallel.For(0, pieces, new ParallelOptions { MaxDegreeOfParallelism = threads }, p =>
            MultiplyRows(_pieces[p], _pieces[p + 1], x, width, y, accumulate));
    }

    // Row boundaries of the work pieces: [0, …, rows].
    private static int[] Pieces(int[] rowStarts)
    {
        int rows = rowStarts.Length - 1;
        var bounds = new List<int> { 0 };
        for (int r = 1; r < rows; r++)
        {
            if (rowStarts[r] - rowStarts[bounds[^1]] >= PieceNonZeros)
            {
                bounds.Add(r);
            }
        }

        if (rows > 0)
        {
            bounds.Add(rows);
        }

        return [.. bounds];
    }

    private void MultiplyRows(int from, int to, float[] x, int width, float[] y, bool accumulate)
    {
        ref float rx = ref MemoryMarshal.GetArrayDataReference(x);
        for (int r = from; r < to; r++)
        {
            int start = _rowStarts[r], end = _rowStarts[r + 1];
            var columns = _columns.AsSpan(start, end - start);
            var values = _values.AsSpan(start, end - start);
            ref float ry = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(y), (nint)r * width);
            int j = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                for (; j + 64 <= width; j += 64)
                {
                    Tile512x4(columns, values, ref Unsafe.Add(ref rx, j), width, ref Unsafe.Add(ref ry, j), accumulate);
                }

                for (; j + 16 <= width; j += 16)
                {
                    var acc = accumulate ? Vector512.LoadUnsafe(ref ry, (nuint)j) : Vector512<float>.Zero;
                    for (int e = 0; e < columns.Length; e++)
                    {
                        acc = Vector512.FusedMultiplyAdd(Vector512.Create(values[e]), Vector512.LoadUnsafe(ref rx, (nuint)(((nint)columns[e] * width) + j)), acc);
                    }

                    acc.StoreUnsafe(ref ry, (nuint)j);
                }
            }

            for (; j + 8 <= width; j += 8)
            {
                var acc = accumulate ? Vector256.LoadUnsafe(ref ry, (nuint)j) : Vector256<float>.Zero;
                for (int e = 0; e < columns.Length; e++)
                {
                    acc = Vector256.FusedMultiplyAdd(Vector256.Create(values[e]), Vector256.LoadUnsafe(ref rx, (nuint)(((nint)columns[e] * width) + j)), acc);
                }

                acc.StoreUnsafe(ref ry, (nuint)j);
            }

            for (; j < width; j++)
            {
                float acc = accumulate ? Unsafe.Add(ref ry, j) : 0f;
                for (int e = 0; e < columns.Length; e++)
                {
                    acc = MathF.FusedMultiplyAdd(values[e], Unsafe.Add(ref rx, ((nint)columns[e] * width) + j), acc);
                }

                Unsafe.Add(ref ry, j) = acc;
            }
        }
    }

    // 64 output columns in four registers; rx points at column j of x's row 0, ry at column j of the output row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile512x4(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, ref float rx, int width, ref float ry, bool accumulate)
    {
        var a0 = Vector512<float>.Zero;
        var a1 = Vector512<float>.Zero;
        var a2 = Vector512<float>.Zero;
        var a3 = Vector512<float>.Zero;
        if (accumulate)
        {
            a0 = Vector512.LoadUnsafe(ref ry, 0);
            a1 = Vector512.LoadUnsafe(ref ry, 16);
            a2 = Vector512.LoadUnsafe(ref ry, 32);
            a3 = Vector512.LoadUnsafe(ref ry, 48);
        }

        for (int e = 0; e < columns.Length; e++)
        {
            ref float row = ref Unsafe.Add(ref rx, (nint)columns[e] * width);
            var v = Vector512.Create(values[e]);
            a0 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref row, 0), a0);
            a1 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref row, 16), a1);
            a2 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref row, 32), a2);
            a3 = Vector512.FusedMultiplyAdd(v, Vector512.LoadUnsafe(ref row, 48), a3);
        }

        a0.StoreUnsafe(ref ry, 0);
        a1.StoreUnsafe(ref ry, 16);
        a2.StoreUnsafe(ref ry, 32);
        a3.StoreUnsafe(ref ry, 48);
    }
}
