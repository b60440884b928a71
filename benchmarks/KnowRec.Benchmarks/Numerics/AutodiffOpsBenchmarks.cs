using BenchmarkDotNet.Attributes;
using KnowRec.Numerics.Autodiff;

namespace KnowRec.Benchmarks.Numerics;

/// <summary>Forward plus backward pass of element-wise autodiff ops and losses on a 1024 × 1024 tensor, 1 and 2 tape threads.</summary>
/// <remarks>Each measurement includes allocating the op's output tensor, as in training; input gradients are reused.</remarks>
[MemoryDiagnoser]
public class AutodiffOpsBenchmarks
{
    private Tensor _x = Tensor.Zeros([1]);
    private Tensor _y = Tensor.Zeros([1]);
    private Tensor _targets = Tensor.Zeros([1]);
    private Tensor _bias = Tensor.Zeros([1]);
    private int[] _labels = [];

    /// <summary>Threads each op may use (<see cref="Tape.Threads"/>).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Seeded normal inputs, uniform targets in [0, 1], and class labels for the cross-entropy.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _x = Tensor.Normal([1024, 1024], 0f, 1f, new Random(1), requiresGrad: true);
        _y = Tensor.Normal([1024, 1024], 0f, 1f, new Random(2), requiresGrad: true);
        _targets = Tensor.Uniform([1024, 1024], 0f, 1f, new Random(3));
        _bias = Tensor.Normal([1024], 0f, 1f, new Random(4), requiresGrad: true);
        var random = new Random(5);
        _labels = [.. Enumerable.Range(0, 1024).Select(_ => random.Next(1024))];
    }

    /// <summary>Σ (x + y).</summary>
    [Benchmark]
    public float Add() => Run(t => Ops.Sum(t, Ops.Add(t, _x, _y)));

    /// <summary>Σ (x + bias) with the bias row broadcast.</summary>
    [Benchmark]
    public float AddRowBroadcast() => Run(t => Ops.Sum(t, Ops.Add(t, _x, _bias)));

    /// <summary>Σ (x ⊙ y).</summary>
    [Benchmark]
    public float Mul() => Run(t => Ops.Sum(t, Ops.Mul(t, _x, _y)));

    /// <summary>Σ ReLU(x).</summary>
    [Benchmark]
    public float ReLU() => Run(t => Ops.Sum(t, Ops.ReLU(t, _x)));

    /// <summary>Σ σ(x).</summary>
    [Benchmark]
    public float Sigmoid() => Run(t => Ops.Sum(t, Ops.Sigmoid(t, _x)));

    /// <summary>Σ GELU(x).</summary>
    [Benchmark]
    public float GELU() => Run(t => Ops.Sum(t, Ops.GELU(t, _x)));

    /// <summary>Binary cross-entropy with logits against uniform targets.</summary>
    [Benchmark]
    public float BinaryCrossEntropy() => Run(t => Ops.BinaryCrossEntropyWithLogits(t, _x, _targets));

    /// <summary>Full softmax cross-entropy over 1024 rows of 1024 classes.</summary>
    [Benchmark]
    public float SoftmaxCrossEntropy() => Run(t => Ops.SoftmaxCrossEntropy(t, _x, _labels));

    /// <summary>Σ of the transpose.</summary>
    [Benchmark]
    public float Transpose() => Run(t => Ops.Sum(t, Ops.Transpose(t, _x)));

    private float Run(Func<Tape, Tensor> loss)
    {
        _x.ZeroGrad();
        _y.ZeroGrad();
        _bias.ZeroGrad();
        var tape = new Tape { Threads = Threads };
        var value = loss(tape);
        tape.Backward(value);
        return value.Data[0];
    }
}
