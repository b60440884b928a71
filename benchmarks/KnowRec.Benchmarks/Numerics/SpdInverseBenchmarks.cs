using BenchmarkDotNet.Attributes;
using KnowRec.Numerics;

namespace KnowRec.Benchmarks.Numerics;

/// <summary>Dense SPD kernels at EASE sizes (ML-1M has 3,706 items): Cholesky factor and full inverse in double.</summary>
[MemoryDiagnoser]
public class SpdInverseBenchmarks
{
    private double[] _spd = [];
    private double[] _work = [];

    /// <summary>Order of the matrix.</summary>
    [Params(1000, 3706)]
    public int N { get; set; }

    /// <summary>Builds A = BᵀB + n·I once per size.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var b = Enumerable.Range(0, N * N).Select(_ => random.NextDouble() - 0.5).ToArray();
        _spd = new double[N * N];
        Syrk.Multiply(MatrixOp.Transpose, N, N, 1.0, b, N, 0.0, _spd, N, SymmetricFill.Full);
        for (int i = 0; i < N; i++)
        {
            _spd[(i * N) + i] += N;
        }

        _work = new double[N * N];
    }

    /// <summary>Restores the input before each call (the kernels work in place).</summary>
    [IterationSetup]
    public void Restore() => _spd.CopyTo(_work, 0);

    /// <summary>Blocked Cholesky factorisation (n³/3 multiply-adds).</summary>
    [Benchmark]
    public bool Factor() => Cholesky.Factor<double>(_work, N);

    /// <summary>Full inverse via the factor (about n³ multiply-adds).</summary>
    [Benchmark]
    public bool Invert() => SpdInverse.Invert<double>(_work, N);
}
