namespace KnowRec.Numerics;

/// <summary>Truncated SVD of a sparse matrix by randomized subspace iteration.</summary>
/// <remarks>
/// Halko, Martinsson, Tropp 2011, "Finding structure with randomness" (SIAM Review 53(2)): Algorithm 4.4 (randomized
/// subspace iteration) finds an orthonormal Q (rows × l, l = k + oversampling) whose range captures A's top singular
/// directions: Y₀ = AΩ for a seeded Gaussian Ω, Q₀ = qr(Y₀); for j = 1…q: Ỹ = AᵀQ, Q̃ = qr(Ỹ), Y = AQ̃, Q = qr(Y).
/// Orthonormalising after every product (rather than forming (AAᵀ)^q AΩ) is what keeps singular directions below
/// σ₁·ε^{1/(2q+1)} from drowning in float32 rounding (§4.5). Algorithm 5.1 then factors the small B = QᵀA: here
/// Bᵀ = AᵀQ = Q_z R by <see cref="GramSchmidt"/>, so B = RᵀQ_zᵀ; the eigen-decomposition R Rᵀ = W Σ² Wᵀ (double
/// precision, <see cref="JacobiEigen"/>) gives V = Q_z W and U = Q Rᵀ W Σ⁻¹. Working through R rather than BBᵀ keeps the
/// squaring on an l × l double matrix, so nothing squares float32 rounding. Products with A and Aᵀ use the CSR kernel
/// (<see cref="SparseMatrix.Multiply"/>), the rest <see cref="Gemm"/>; every step has a fixed work partition, so the
/// result is the same for any thread count. Cost O(nnz(A)·l·(2q + 2) + (rows + columns)·l²·(q + 1)).
/// </remarks>
public static class RandomizedSvd
{
    // Rows of Ω drawn from one derived seed: fixes the stream layout independently of the thread count.
    private const int GaussianBlockRows = 1024;

    /// <summary>The top <paramref name="rank"/> singular triplets of <paramref name="a"/> (fewer when A's numerical rank is lower).</summary>
    /// <param name="a">The matrix, rows × columns.</param>
    /// <param name="rank">k, how many triplets to keep; at least 1.</param>
    /// <param name="oversampling">p, extra random directions (Halko et al. §4.2 suggest 5–10).</param>
    /// <param name="powerIterations">q, subspace iterations (1–2 for text, whose spectra decay slowly).</param>
    /// <param name="seed">Seed of the Gaussian test matrix Ω.</param>
    /// <param name="threads">Most threads; 0 means all cores.</param>
    public static TruncatedSvd Compute(SparseMatrix a, int rank, int oversampling = 10, int powerIterations = 2, int seed = 42, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(oversampling);
        ArgumentOutOfRangeException.ThrowIfNegative(powerIterations);
        int n = a.Rows, d = a.Columns;
        int l = Math.Min(rank + oversampling, Math.Min(n, d));
        if (l == 0)
        {
            return new TruncatedSvd(0, [], [], []);
        }

        var omega = Gaussian(d, l, seed, threads);
        var q = new float[(long)n * l];
        a.Multiply(omega, l, q, accumulate: false, threads);
        GramSchmidt.Orthonormalize(q, n, l, null, threads);
        var z = omega;
        for (int j = 0; j < powerIterations; j++)
        {
            a.Transposed.Multiply(q, l, z, accumulate: false, threads);
            GramSchmidt.Orthonormalize(z, d, l, null, threads);
            a.Multiply(z, l, q, accumulate: false, threads);
            GramSchmidt.Orthonormalize(q, n, l, null, threads);
        }

        // Bᵀ = AᵀQ = Q_z R.
        a.Transposed.Multiply(q, l, z, accumulate: false, threads);
        var r = new double[l * l];
        GramSchmidt.Orthonormalize(z, d, l, r, threads);
        var rrt = new double[l * l];
        for (int i = 0; i < l; i++)
        {
            for (int j = 0; j < l; j++)
            {
                double sum = 0;
                for (int t = Math.Max(i, j); t < l; t++)
                {
                    sum += r[(i * l) + t] * r[(j * l) + t];
                }

                rrt[(i * l) + j] = sum;
            }
        }

        var (values, w) = JacobiEigen.Decompose(rrt, l);
        double top = Math.Sqrt(Math.Max(values[0], 0));
        int k = 0;
        while (k < Math.Min(rank, l) && values[k] > 0 && Math.Sqrt(values[k]) > 1e-5 * top)
        {
            k++;
        }

        var sigma = new float[k];
        var wk = new float[l * k];
        var ub = new float[l * k];
        for (int c = 0; c < k; c++)
        {
            double s = Math.Sqrt(values[c]);
            sigma[c] = (float)s;
            for (int i = 0; i < l; i++)
            {
                wk[(i * k) + c] = (float)w[(i * l) + c];

                // (Rᵀ W)_ic / σ_c: column c of U_b.
                double sum = 0;
                for (int t = 0; t <= i; t++)
                {
                    sum += r[(t * l) + i] * w[(t * l) + c];
                }

                ub[(i * k) + c] = (float)(sum / s);
            }
        }

        var right = new float[(long)d * k];
        var left = new float[(long)n * k];
        Gemm.Multiply(MatrixOp.None, MatrixOp.None, d, k, l, 1f, z, l, wk, k, 0f, right, k, threads);
        Gemm.Multiply(MatrixOp.None, MatrixOp.None, n, k, l, 1f, q, l, ub, k, 0f, left, k, threads);
        return new TruncatedSvd(k, sigma, left, right);
    }

    // A columns × l standard normal matrix by Box–Muller, one SplitMix64 stream per block of rows.
    private static float[] Gaussian(int rows, int cols, int seed, int threads)
    {
        var omega = new float[(long)rows * cols];
        int blocks = (rows + GaussianBlockRows - 1) / GaussianBlockRows;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount }, block =>
        {
            var random = new SplitMix64(SplitMix64.Derive(seed, block));
            long from = (long)block * GaussianBlockRows * cols;
            long to = Math.Min((long)rows * cols, from + ((long)GaussianBlockRows * cols));
            for (long i = from; i < to; i += 2)
            {
                double u1 = 1.0 - random.NextDouble();
                double u2 = random.NextDouble();
                double radius = Math.Sqrt(-2.0 * Math.Log(u1));
                omega[i] = (float)(radius * Math.Cos(2 * Math.PI * u2));
                if (i + 1 < to)
                {
                    omega[i + 1] = (float)(radius * Math.Sin(2 * Math.PI * u2));
                }
            }
        });
        return omega;
    }
}
