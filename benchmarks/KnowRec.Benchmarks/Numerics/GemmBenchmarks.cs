using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using KnowRec.Numerics;

namespace KnowRec.Benchmarks.Numerics;

/// <summary>Square GEMM C = A·B in float and double; the GFLOP/s column is 2·n³ / mean time.</summary>
[MemoryDiagnoser]
[Config(typeof(GflopsConfig))]
public class GemmBenchmarks
{
    private float[] _a32 = [];
    private float[] _b32 = [];
    private float[] _c32 = [];
    private double[] _a64 = [];
    private double[] _b64 = [];
    private double[] _c64 = [];

    /// <summary>Order of the square matrices.</summary>
    [Params(256, 512, 1024, 2048)]
    public int N { get; set; }

    /// <summary>Threads given to the kernel.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Fills A and B with seeded uniform values once per parameter set.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _a64 = [.. Enumerable.Range(0, N * N).Select(_ => random.NextDouble())];
        _b64 = [.. Enumerable.Range(0, N * N).Select(_ => random.NextDouble())];
        _c64 = new double[N * N];
        _a32 = [.. _a64.Select(x => (float)x)];
        _b32 = [.. _b64.Select(x => (float)x)];
        _c32 = new float[N * N];
    }

    /// <summary>Single precision.</summary>
    [Benchmark]
    public void SinglePrecision() => Gemm.Multiply(MatrixOp.None, MatrixOp.None, N, N, N, 1f, _a32, N, _b32, N, 0f, _c32, N, Threads);

    /// <summary>Double precision.</summary>
    [Benchmark]
    public void DoublePrecision() => Gemm.Multiply(MatrixOp.None, MatrixOp.None, N, N, N, 1.0, _a64, N, _b64, N, 0.0, _c64, N, Threads);

    private sealed class GflopsConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public GflopsConfig() => AddColumn(new GflopsColumn());
    }

    // 2·N³ floating-point operations per call, divided by the mean time.
    private sealed class GflopsColumn : IColumn
    {
        public string Id => nameof(GflopsColumn);

        public string ColumnName => "GFLOP/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "2·N³ / mean time, in 10⁹ floating-point operations per second";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats)
            {
                return "-";
            }

            double n = Convert.ToDouble(benchmarkCase.Parameters["N"], System.Globalization.CultureInfo.InvariantCulture);
            return (2 * n * n * n / stats.Mean).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
