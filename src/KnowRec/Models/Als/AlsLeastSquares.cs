using System.Collections.Concurrent;
using KnowRec.Data;
using KnowRec.Numerics;

namespace KnowRec.Models.Als;

/// <summary>The per-row least-squares solves of implicit ALS (Hu, Koren, Volinsky 2008, eq. 4 and 5) and one full sweep.</summary>
/// <remarks>
/// For a row u with fixed other-side factors Y, the system is (YᵀY + λI + Σ_{j∈R(u)} (c_uj − 1)·y_j y_jᵀ)·x_u =
/// Σ_{j∈R(u)} c_uj·y_j, with c_uj = 1 + α·r_uj and p_uj = 1 (eq. 4). YᵀY + λI is computed once per sweep, so each row
/// costs only its own entries (the paper's O(f²N + f³m) trick). Stored entries with r ≤ 0 mean p = 0 and c = 1, i.e. the
/// same as a missing cell, and are skipped.
/// </remarks>
internal static class AlsLeastSquares
{
    private const float Converged = 1e-20f;

    /// <summary>Solves every row of <paramref name="matrix"/> into <paramref name="solved"/> against <paramref name="fixedFactors"/>.</summary>
    public static void Sweep(InteractionMatrix matrix, float[] solved, float[] fixedFactors, int stride, AlsOptions options, int threads, CancellationToken cancellation)
    {
        var gram = FactorKernels.Gram(fixedFactors, matrix.Items, stride, options.Regularization);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation };

        // Small ranges balance rows of very different lengths; every row is solved independently of the others, so
        // the result does not depend on the number of threads or the schedule.
        Parallel.ForEach(
            Partitioner.Create(0, matrix.Users, 64),
            parallel,
            () => new float[options.Solver == AlsSolver.Cholesky ? stride * stride : 3 * stride],
            (range, _, scratch) =>
            {
                for (int row = range.Item1; row < range.Item2; row++)
                {
                    var x = solved.AsSpan(row * stride, stride);
                    var columns = matrix.ItemsOf(row);
                    var values = matrix.ValuesOf(row);
                    if (options.Solver == AlsSolver.Cholesky)
                    {
                        SolveExact(gram, columns, values, options.Alpha, fixedFactors, x, scratch);
                    }
                    else
                    {
                        SolveConjugateGradient(gram, columns, values, options.Alpha, fixedFactors, x, options.CgSteps, scratch);
                    }
                }

                return scratch;
            },
            _ => { });
    }

    /// <summary>
    /// Refines <paramref name="x"/> with a few conjugate-gradient steps on eq. 4, warm-started from its current value
    /// (Takács, Pilászy, Tikk 2011, Algorithm 2); the matrix is applied implicitly as Gp + Σ (c − 1)(y·p)·y.
    /// </summary>
    /// <remarks><paramref name="scratch"/> needs at least 3 × stride floats.</remarks>
    public static void SolveConjugateGradient(
        ReadOnlySpan<float> gram, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, float alpha, ReadOnlySpan<float> others, Span<float> x, int steps, Span<float> scratch)
    {
        int n = x.Length;
        if (!HasPositive(values))
        {
            // The exact solution of a row without positive entries is 0 (the right-hand side is 0).
            x.Clear();
            return;
        }

        var r = scratch[..n];
        var p = scratch.Slice(n, n);
        var ap = scratch.Slice(2 * n, n);

        // r = b − A·x = −G·x + Σ (c − (c − 1)·y·x)·y.
        FactorKernels.SymmetricMatVec(gram, x, r);
        for (int k = 0; k < n; k++)
        {
            r[k] = -r[k];
        }

        FactorKernels.AccumulateRows(r, x, columns, values, alpha, residual: true, others);
        float rsOld = FactorKernels.Dot(r, r);
        if (rsOld < Converged)
        {
            return;
        }

        r.CopyTo(p);
        for (int step = 0; step < steps; step++)
        {
            FactorKernels.SymmetricMatVec(gram, p, ap);
            if (alpha != 0f)
            {
                FactorKernels.AccumulateRows(ap, p, columns, values, alpha, residual: false, others);
            }

            float pap = FactorKernels.Dot(p, ap);
            if (!(pap > 0f))
            {
                return;
            }

            float a = rsOld / pap;
            FactorKernels.AddScaled(x, a, p);
            FactorKernels.AddScaled(r, -a, ap);
            float rsNew = FactorKernels.Dot(r, r);
            if (rsNew < Converged)
            {
                return;
            }

            FactorKernels.ScaleAndAdd(p, rsNew / rsOld, r);
            rsOld = rsNew;
        }
    }

    /// <summary>Solves eq. 4 exactly: builds YᵀC^uY + λI and right-hand side YᵀC^u p(u), then Cholesky.</summary>
    /// <remarks><paramref name="scratch"/> needs at least stride² floats and holds the Cholesky factor afterwards.</remarks>
    public static void SolveExact(
        ReadOnlySpan<float> gram, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, float alpha, ReadOnlySpan<float> others, Span<float> x, Span<float> scratch)
    {
        int n = x.Length;
        var a = scratch[..(n * n)];
        x.Clear();
        if (!Factor(gram, columns, values, alpha, others, a))
        {
            throw new ArithmeticException("The ALS system is not positive definite (factors overflowed).");
        }

        for (int e = 0; e < columns.Length; e++)
        {
            if (values[e] > 0f)
            {
                FactorKernels.AddScaled(x, 1f + (alpha * values[e]), others.Slice(columns[e] * n, n));
            }
        }

        Cholesky.Solve<float>(a, n, x);
    }

    /// <summary>Writes the Cholesky factor of W_u⁻¹ = YᵀY + λI + Σ (c − 1)·y yᵀ into <paramref name="a"/> (order stride).</summary>
    public static bool Factor(ReadOnlySpan<float> gram, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, float alpha, ReadOnlySpan<float> others, Span<float> a)
    {
        int n = (int)Math.Sqrt(a.Length);
        gram.CopyTo(a);
        if (alpha != 0f)
        {
            for (int e = 0; e < columns.Length; e++)
            {
                if (values[e] > 0f)
                {
                    var y = others.Slice(columns[e] * n, n);
                    float weight = alpha * values[e];
                    for (int j = 0; j < n; j++)
                    {
                        if (y[j] != 0f)
                        {
                            FactorKernels.AddScaled(a.Slice(j * n, n), weight * y[j], y);
                        }
                    }
                }
            }
        }

        return Cholesky.Factor<float>(a, n);
    }

    private static bool HasPositive(ReadOnlySpan<float> values)
    {
        foreach (float v in values)
        {
            if (v > 0f)
            {
                return true;
            }
        }

        return false;
    }
}
