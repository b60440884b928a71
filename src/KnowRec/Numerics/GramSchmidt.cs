using System.Numerics.Tensors;

namespace KnowRec.Numerics;

/// <summary>Thin QR factorisation Y = QR of a tall row-major float matrix by block Gram–Schmidt with reorthogonalisation.</summary>
/// <remarks>
/// Columns are taken in blocks of <see cref="BlockColumns"/>. Each block is projected off the finished columns twice
/// with two <see cref="Gemm"/> products per pass (block classical Gram–Schmidt, "twice is enough": Barlow &amp;
/// Smoktunowicz 2013, BCGS2; Giraud et al. 2005), then orthonormalised within itself by modified Gram–Schmidt, also
/// twice (Björck 1967). The reorthogonalisation keeps ‖QᵀQ − I‖ at the float32 rounding level even for the
/// ill-conditioned products of a randomized SVD's power iterations, while nearly all flops run in the packed GEMM.
/// A column whose remainder after projection is below <see cref="RankTolerance"/> of its starting norm is linearly
/// dependent on the earlier ones; it is set to zero (and its diagonal of R to 0), so the rank shows as zero columns.
/// </remarks>
public static class GramSchmidt
{
    /// <summary>Columns per block of the GEMM-based projection.</summary>
    public const int BlockColumns = 16;

    /// <summary>Relative size below which a column's remainder counts as zero (float32 cancellation sits near 1e-6).</summary>
    public const float RankTolerance = 1e-4f;

    /// <summary>Replaces the rows × cols matrix <paramref name="y"/> (row-major) by Q with orthonormal (or zero) columns; optionally writes R.</summary>
    /// <param name="y">rows × cols, row-major; overwritten by Q.</param>
    /// <param name="rows">Rows of Y.</param>
    /// <param name="cols">Columns of Y.</param>
    /// <param name="r">When not null, a cols × cols row-major array that receives the upper-triangular R with Y = QR.</param>
    /// <param name="threads">Most threads for the GEMM products; 0 means all cores.</param>
    /// <returns>The number of non-zero columns of Q (the numerical rank of Y).</returns>
    public static int Orthonormalize(float[] y, int rows, int cols, double[]? r = null, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if (y.Length < (long)rows * cols)
        {
            throw new ArgumentException($"Y holds {y.Length} values, fewer than {rows} × {cols}.", nameof(y));
        }

        if (r is not null)
        {
            if (r.Length < cols * cols)
            {
                throw new ArgumentException($"R needs {cols} × {cols} values, got {r.Length}.", nameof(r));
            }

            Array.Clear(r, 0, cols * cols);
        }

        int rank = 0;
        var column = new float[BlockColumns * rows];
        var coefficients = new float[cols * BlockColumns];
        for (int j0 = 0; j0 < cols; j0 += BlockColumns)
        {
            int b = Math.Min(BlockColumns, cols - j0);
            var start = new double[b];
            CopyOut(y, rows, cols, j0, b, column);
            for (int c = 0; c < b; c++)
            {
                start[c] = Norm(column.AsSpan(c * rows, rows));
            }

            for (int pass = 0; pass < 2 && j0 > 0; pass++)
            {
                // C = Q_doneᵀ Y_b, then Y_b −= Q_done C.
                Gemm.Multiply(MatrixOp.Transpose, MatrixOp.None, j0, b, rows, 1f, y, cols, y.AsSpan(j0), cols, 0f, coefficients, b, threads);
                Gemm.Multiply(MatrixOp.None, MatrixOp.None, rows, b, j0, -1f, y, cols, coefficients, b, 1f, y.AsSpan(j0), cols, threads);
                if (r is not null)
                {
                    for (int i = 0; i < j0; i++)
                    {
                        for (int c = 0; c < b; c++)
                        {
                            r[(i * cols) + j0 + c] += coefficients[(i * b) + c];
                        }
                    }
                }
            }

            CopyOut(y, rows, cols, j0, b, column);
            for (int c = 0; c < b; c++)
            {
                var target = column.AsSpan(c * rows, rows);
                for (int pass = 0; pass < 2; pass++)
                {
                    for (int i = 0; i < c; i++)
                    {
                        var basis = column.AsSpan(i * rows, rows);
                        float dot = TensorPrimitives.Dot(basis, target);
                        TensorPrimitives.MultiplyAdd(basis, -dot, target, target);
                        if (r is not null)
                        {
                            r[((j0 + i) * cols) + j0 + c] += dot;
                        }
                    }
                }

                double norm = Norm(target);
                if (norm <= RankTolerance * start[c] || norm == 0)
                {
                    target.Clear();
                    continue;
                }

                TensorPrimitives.Multiply(target, (float)(1 / norm), target);
                if (r is not null)
                {
                    r[((j0 + c) * cols) + j0 + c] = norm;
                }

                rank++;
            }

            for (int row = 0; row < rows; row++)
            {
                for (int c = 0; c < b; c++)
                {
                    y[((long)row * cols) + j0 + c] = column[(c * rows) + row];
                }
            }
        }

        return rank;
    }

    // Columns j0 … j0 + b − 1 of Y, one after the other, so the within-block work runs on contiguous vectors.
    private static void CopyOut(float[] y, int rows, int cols, int j0, int b, float[] column)
    {
        for (int row = 0; row < rows; row++)
        {
            for (int c = 0; c < b; c++)
            {
                column[(c * rows) + row] = y[((long)row * cols) + j0 + c];
            }
        }
    }

    private static double Norm(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x)
        {
            sum += (double)v * v;
        }

        return Math.Sqrt(sum);
    }
}
