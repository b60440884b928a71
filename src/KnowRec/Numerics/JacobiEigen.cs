namespace KnowRec.Numerics;

/// <summary>Eigen-decomposition of a small dense symmetric matrix by the cyclic Jacobi method, in double precision.</summary>
/// <remarks>
/// Golub &amp; Van Loan, "Matrix Computations" (4th ed.), Algorithm 8.5.3 (cyclic Jacobi) with the stable rotation of
/// Algorithm 8.5.1. Each sweep costs about 4n³ flops; convergence is quadratic, so a handful of sweeps suffice. Chosen
/// over QR iteration because it is short, accurate to high relative precision, and the matrices here are at most a
/// few hundred wide (the l × l core of a randomized SVD).
/// </remarks>
public static class JacobiEigen
{
    private const int MaxSweeps = 60;

    /// <summary>Eigenvalues (descending) and eigenvectors (columns of a row-major n × n matrix, in the same order) of symmetric <paramref name="matrix"/>.</summary>
    /// <param name="matrix">Row-major n × n symmetric matrix; not modified.</param>
    /// <param name="n">Order of the matrix.</param>
    /// <exception cref="ArgumentException">The matrix is not n × n, not symmetric, or holds a non-finite value.</exception>
    public static (double[] Values, double[] Vectors) Decompose(ReadOnlySpan<double> matrix, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (matrix.Length != (long)n * n)
        {
            throw new ArgumentException($"An {n} × {n} matrix needs {n * n} values, got {matrix.Length}.", nameof(matrix));
        }

        var a = matrix.ToArray();
        double scale = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double x = a[(i * n) + j];
                if (!double.IsFinite(x))
                {
                    throw new ArgumentException($"Entry ({i}, {j}) is {x}; every entry must be finite.", nameof(matrix));
                }

                scale += x * x;
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (Math.Abs(a[(i * n) + j] - a[(j * n) + i]) > 1e-9 * Math.Sqrt(scale))
                {
                    throw new ArgumentException($"Matrix is not symmetric at ({i}, {j}).", nameof(matrix));
                }
            }
        }

        var v = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            v[(i * n) + i] = 1;
        }

        double tolerance = 1e-30 * Math.Max(scale, double.Epsilon);
        for (int sweep = 0; sweep < MaxSweeps && OffDiagonal(a, n) > tolerance; sweep++)
        {
            for (int p = 0; p < n - 1; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    Rotate(a, v, n, p, q);
                }
            }
        }

        int[] order = [.. Enumerable.Range(0, n).OrderByDescending(i => a[(i * n) + i]).ThenBy(i => i)];
        var values = new double[n];
        var vectors = new double[n * n];
        for (int c = 0; c < n; c++)
        {
            int source = order[c];
            values[c] = a[(source * n) + source];
            for (int r = 0; r < n; r++)
            {
                vectors[(r * n) + c] = v[(r * n) + source];
            }
        }

        return (values, vectors);
    }

    private static double OffDiagonal(double[] a, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i != j)
                {
                    sum += a[(i * n) + j] * a[(i * n) + j];
                }
            }
        }

        return sum;
    }

    // One rotation J(p, q, θ) zeroing a_pq: A ← JᵀAJ, V ← VJ (Golub & Van Loan, Algorithm 8.5.1, sym.schur2).
    private static void Rotate(double[] a, double[] v, int n, int p, int q)
    {
        double apq = a[(p * n) + q];
        if (apq == 0)
        {
            return;
        }

        double tau = (a[(q * n) + q] - a[(p * n) + p]) / (2 * apq);
        double t = (tau >= 0 ? 1 : -1) / (Math.Abs(tau) + Math.Sqrt(1 + (tau * tau)));
        double c = 1 / Math.Sqrt(1 + (t * t));
        double s = t * c;
        for (int k = 0; k < n; k++)
        {
            double akp = a[(k * n) + p];
            double akq = a[(k * n) + q];
            a[(k * n) + p] = (c * akp) - (s * akq);
            a[(k * n) + q] = (s * akp) + (c * akq);
        }

        for (int k = 0; k < n; k++)
        {
            double apk = a[(p * n) + k];
            double aqk = a[(q * n) + k];
            a[(p * n) + k] = (c * apk) - (s * aqk);
            a[(q * n) + k] = (s * apk) + (c * aqk);
        }

        for (int k = 0; k < n; k++)
        {
            double vkp = v[(k * n) + p];
            double vkq = v[(k * n) + q];
            v[(k * n) + p] = (c * vkp) - (s * vkq);
            v[(k * n) + q] = (s * vkp) + (c * vkq);
        }
    }
}
