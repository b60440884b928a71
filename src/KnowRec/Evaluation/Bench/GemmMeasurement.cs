namespace KnowRec.Evaluation.Bench;

/// <summary>Timings of one square float32 product C = A·B of order <see cref="Size"/> at a given thread count.</summary>
/// <remarks>
/// A repetition times <see cref="Calls"/> back-to-back products (enough to last a few tens of milliseconds, so small
/// sizes are not dominated by timer and scheduling noise); its rate is 2·n³ / (time per product). The same record is
/// written by <c>benchmarks/numpy_gemm.py</c> (JSON names in snake case), so both sides compare cell by cell.
/// </remarks>
/// <param name="Size">Order n of the square matrices.</param>
/// <param name="Threads">Threads the library was allowed to use.</param>
/// <param name="Repetitions">Timed repetitions (after warm-up).</param>
/// <param name="Calls">Products per repetition.</param>
/// <param name="BestGflops">Fastest repetition, in 10⁹ floating-point operations per second.</param>
/// <param name="MedianGflops">Median repetition.</param>
/// <param name="WorstGflops">Slowest repetition: its distance from the best says how noisy the machine was.</param>
/// <param name="MaxError">Largest spot-check error of any timed product, relative to Σ|a·b| of its dot product.</param>
public sealed record GemmMeasurement(
    int Size, int Threads, int Repetitions, int Calls, double BestGflops, double MedianGflops, double WorstGflops, double MaxError);
