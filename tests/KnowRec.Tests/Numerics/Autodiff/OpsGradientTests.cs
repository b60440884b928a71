using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

public sealed class OpsGradientTests
{
    private static Tensor R(int[] shape, int seed, float scale = 1f, float gap = 0f, bool requiresGrad = true) =>
        GradientChecker.Random(shape, seed, scale, gap, requiresGrad);

    [Fact]
    public void Add_GradientMatchesFiniteDifferences_SameShape() =>
        GradientChecker.Check((t, x) => Ops.Add(t, x[0], x[1]), [R([3, 4], 1), R([3, 4], 2)]);

    [Fact]
    public void Add_GradientMatchesFiniteDifferences_VectorBroadcastOverRows() =>
        GradientChecker.Check((t, x) => Ops.Add(t, x[0], x[1]), [R([3, 4], 1), R([4], 2)]);

    [Fact]
    public void Add_GradientMatchesFiniteDifferences_RowMatrixFirst() =>
        GradientChecker.Check((t, x) => Ops.Add(t, x[0], x[1]), [R([1, 4], 1), R([3, 4], 2)]);

    [Fact]
    public void Mul_GradientMatchesFiniteDifferences_SameShape() =>
        GradientChecker.Check((t, x) => Ops.Mul(t, x[0], x[1]), [R([3, 4], 3), R([3, 4], 4)]);

    [Fact]
    public void Mul_GradientMatchesFiniteDifferences_VectorBroadcastOverRows() =>
        GradientChecker.Check((t, x) => Ops.Mul(t, x[0], x[1]), [R([4], 3), R([3, 4], 4)]);

    [Fact]
    public void Mul_GradientMatchesFiniteDifferences_SameTensorTwice() =>
        GradientChecker.Check((t, x) => Ops.Mul(t, x[0], x[0]), [R([2, 3], 5)]);

    [Fact]
    public void Mul_GradientMatchesFiniteDifferences_OneInputConstant() =>
        GradientChecker.Check((t, x) => Ops.Mul(t, x[0], x[1]), [R([2, 3], 5), R([2, 3], 6, requiresGrad: false)]);

    [Theory]
    [InlineData(3, 5, 4)]
    [InlineData(1, 7, 1)]
    [InlineData(6, 1, 5)]
    public void MatMul_GradientMatchesFiniteDifferences(int m, int k, int n) =>
        GradientChecker.Check((t, x) => Ops.MatMul(t, x[0], x[1]), [R([m, k], 7), R([k, n], 8)]);

    [Fact]
    public void Sum_GradientMatchesFiniteDifferences() =>
        GradientChecker.Check((t, x) => Ops.Sum(t, x[0]), [R([3, 4], 9)]);

    [Fact]
    public void Mean_GradientMatchesFiniteDifferences() =>
        GradientChecker.Check((t, x) => Ops.Mean(t, x[0]), [R([3, 4], 10)]);

    [Fact]
    public void ReLU_GradientMatchesFiniteDifferences() =>
        GradientChecker.Check((t, x) => Ops.ReLU(t, x[0]), [R([4, 5], 11, gap: 0.1f)]);

    [Fact]
    public void Sigmoid_GradientMatchesFiniteDifferences() =>
        GradientChecker.Check((t, x) => Ops.Sigmoid(t, x[0]), [R([4, 5], 12, scale: 3f)]);

    [Fact]
    public void Tanh_GradientMatchesFiniteDifferences() =>
        GradientChecker.Check((t, x) => Ops.Tanh(t, x[0]), [R([4, 5], 13, scale: 2f)]);

    [Fact]
    public void LogSoftmax_GradientMatchesFiniteDifferences_Matrix() =>
        GradientChecker.Check((t, x) => Ops.LogSoftmax(t, x[0]), [R([3, 5], 14, scale: 3f)]);

    [Fact]
    public void LogSoftmax_GradientMatchesFiniteDifferences_Vector() =>
        GradientChecker.Check((t, x) => Ops.LogSoftmax(t, x[0]), [R([6], 15, scale: 3f)]);

    [Fact]
    public void EmbeddingLookup_GradientMatchesFiniteDifferences_RepeatedIndices() =>
        GradientChecker.Check((t, x) => Ops.EmbeddingLookup(t, x[0], [4, 0, 4, 2, 4]), [R([5, 3], 16)]);

    [Fact]
    public void MeanSquaredError_GradientMatchesFiniteDifferences() =>
        GradientChecker.Check((t, x) => Ops.MeanSquaredError(t, x[0], x[1]), [R([3, 4], 17), R([3, 4], 18)]);

    [Fact]
    public void BinaryCrossEntropyWithLogits_GradientMatchesFiniteDifferences()
    {
        var targets = Tensor.Uniform([3, 4], 0f, 1f, new Random(19), requiresGrad: true);
        GradientChecker.Check((t, x) => Ops.BinaryCrossEntropyWithLogits(t, x[0], x[1]), [R([3, 4], 20, scale: 4f), targets]);
    }

    [Fact]
    public void Composite_GradientMatchesFiniteDifferences_TwoLayerNetwork()
    {
        // Exercises the tape's ordering: intermediates feed several later ops before their own backward step runs.
        var labels = Tensor.FromArray([1f, 0f, 1f, 0f], [4, 1]);
        GradientChecker.Check(
            (t, x) =>
            {
                var embedded = Ops.EmbeddingLookup(t, x[0], [1, 3, 1, 0]);
                var hidden = Ops.Tanh(t, Ops.Add(t, Ops.MatMul(t, embedded, x[1]), x[2]));
                var logits = Ops.MatMul(t, Ops.Mul(t, hidden, hidden), x[3]);
                return Ops.BinaryCrossEntropyWithLogits(t, logits, labels);
            },
            [R([4, 3], 21), R([3, 5], 22), R([5], 23), R([5, 1], 24)]);
    }
}
