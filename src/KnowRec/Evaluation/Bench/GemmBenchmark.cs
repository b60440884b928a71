using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using KnowRec.Numerics;

namespace KnowRec.Evaluation.Bench;

/// <summary>Times KnowRec's <see cref="Gemm"/> on square float32 products and checks every timed product.</summary>
/// <remarks>
/// Per size and thread count: seeded A and B uniform in [-1, 1), two warm-up products (JIT, buffer pool, caches),
/// then <c>repetitions</c> timed repetitions of <see cref="GemmMeasurement.Calls"/> products each. C is filled with
/// NaN before every repetition (β = 0 must overwrite it), and after it a handful of entries are compared with a
/// double-precision dot product. <c>benchmarks/numpy_gemm.py</c> follows the same procedure step by step.
/// </remarks>
public static class GemmBenchmark
{
    /// <summary>The sizes of issue 4's table.</summary>
    public static readonly IReadOnlyList<int> DefaultSizes = [256, 512, 1024, 2048];

    /// <summary>Spots of C checked after each repetition.</summary>
    internal const int Spots = 8;

    /// <summary>Measures every size at every thread count (sizes outer, threads inner).</summary>
    /// <param name="sizes">Orders n.</param>
    /// <param name="threads">Thread counts.</param>
    /// <param name="repetitions">Timed repetitions per cell.</param>
    /// <param name="progress">Told the size and thread count before each cell is measured; may be null.</param>
    public static GemmRun Run(IReadOnlyList<int> sizes, IReadOnlyList<int> threads, int repetitions, IProgress<(int Size, int Threads)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(threads);
        string date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        double? before = LoadAverage();
        var results = new List<GemmMeasurement>();
        foreach (int size in sizes)
        {
            foreach (int t in threads)
            {
                progress?.Report((size, t));
                results.Add(Measure(size, t, repetitions));
            }
        }

        // The same tests Gemm uses to pick its micro-kernel.
        string simd = Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? "Vector512 FMA 8 × 32"
            : Vector256.IsHardwareAccelerated && Fma.IsSupported ? "Vector256 FMA 6 × 16" : "scalar";
        string library = $"KnowRec Gemm (managed, {simd} micro-kernel), .NET {Environment.Version}";
        return new GemmRun(library, MachineInfo.Describe(), date, before, LoadAverage(), results);
    }

    /// <summary>The one-minute load average from <c>/proc/loadavg</c>, or null where there is none.</summary>
    public static double? LoadAverage()
    {
        try
        {
            string text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg") : "";
            return double.TryParse(text.Split(' ')[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Measures one size at one thread count.</summary>
    /// <param name="size">Order n (at least 1).</param>
    /// <param name="threads">Threads for <see cref="Gemm.Multiply{T}"/> (at least 1).</param>
    /// <param name="repetitions">Timed repetitions (at least 1).</param>
    /// <param name="minimumSeconds">Shortest repetition wanted: small sizes run several products per repetition.</param>
    /// <exception cref="InvalidOperationException">A timed product failed its spot check.</exception>
    public static GemmMeasurement Measure(int size, int threads, int repetitions, double minimumSeconds = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumSeconds);
        int n = size;
        var a = RandomMatrix(n, 1);
        var b = RandomMatrix(n, 2);
        var c = new float[n * n];
        void Product() => Gemm.Multiply(MatrixOp.None, MatrixOp.None, n, n, n, 1f, a, n, b, n, 0f, c, n, threads);

        Product();
        var clock = Stopwatch.StartNew();
        Product();
        double warm = Math.Max(clock.Elapsed.TotalSeconds, 1e-7);
        int calls = (int)Math.Clamp(Math.Ceiling(minimumSeconds / warm), 1, 10_000);

        var rates = new double[repetitions];
        double maxError = 0;
        var spots = new SplitMix64(SplitMix64.Derive(size, threads));
        for (int r = 0; r < repetitions; r++)
        {
            c.AsSpan().Fill(float.NaN);
            clock.Restart();
            for (int call = 0; call < calls; call++)
            {
                Product();
            }

            double seconds = clock.Elapsed.TotalSeconds / calls;
            rates[r] = 2.0 * n * n * n / seconds / 1e9;
            maxError = Math.Max(maxError, SpotCheck(a, b, c, n, ref spots));
        }

        Array.Sort(rates);
        return new GemmMeasurement(size, threads, repetitions, calls, rates[^1], Median(rates), rates[0], maxError);
    }

    /// <summary>
    /// Largest error of <see cref="Spots"/> random entries of C = A·B, each relative to Σ|a·b| of its dot product.
    /// </summary>
    /// <exception cref="InvalidOperationException">An entry is off by more than float32 accumulation allows.</exception>
    internal static double SpotCheck(float[] a, float[] b, float[] c, int n, ref SplitMix64 random)
    {
        // Higham's bound for a length-n float32 dot product is γ_n·Σ|a·b| with γ_n ≈ n·2⁻²⁴; twice that leaves room
        // for FMA ordering while a wrong element, a stale tile or a NaN left in C still fails by orders of magnitude.
        double tolerance = 2.0 * n * Math.ScaleB(1.0, -24);
        double worst = 0;
        for (int s = 0; s < Spots; s++)
        {
            int i = random.NextInt(n);
            int j = random.NextInt(n);
            double exact = 0;
            double magnitude = 0;
            for (int p = 0; p < n; p++)
            {
                double term = (double)a[(i * n) + p] * b[(p * n) + j];
                exact += term;
                magnitude += Math.Abs(term);
            }

            double error = Math.Abs(c[(i * n) + j] - exact) / Math.Max(magnitude, double.Epsilon);
            if (!(error <= tolerance))
            {
                throw new InvalidOperationException(
                    $"GEMM n = {n}: C[{i},{j}] = {c[(i * n) + j]}, expected {exact} (relative error {error:G3} > {tolerance:G3}).");
            }

            worst = Math.Max(worst, error);
        }

        return worst;
    }

    private static float[] RandomMatrix(int n, int stream)
    {
        var random = new SplitMix64(SplitMix64.Derive(n, stream));
        var matrix = new float[n * n];
        for (int i = 0; i < matrix.Length; i++)
        {
            matrix[i] = (2 * random.NextSingle()) - 1;
        }

        return matrix;
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
