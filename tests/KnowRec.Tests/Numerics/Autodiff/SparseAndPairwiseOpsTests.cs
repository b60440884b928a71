using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

public sealed class SparseAndPairwiseOpsTests
{
    private static Tensor R(int[] shape, int seed, float scale = 1f, bool requiresGrad = true) =>
        GradientChecker.Random(shape, seed, scale, 0f, requiresGrad);

    private static SparseMatrix RandomSparse(int m, int n, int seed) =>
        SparseMatrix.FromDense(SparseMatrixTests.RandomDense(m, n, 0.4, seed), m, n);

    [Theory]
    [InlineData(4, 3, 2)]
    [InlineData(5, 5, 17)]
    [InlineData(1, 6, 3)]
    [InlineData(6, 2, 1)]
    public void SparseMatMul_GradientMatchesFiniteDifferences(int m, int n, int width)
    {
        var a = RandomSparse(m, n, seed: m + (10 * n) + width);
        GradientChecker.Check((t, x) => Ops.SparseMatMul(t, a, x[0]), [R([n, width], 31)]);
    }

    [Fact]
    public void SparseMatMul_GradientMatchesFiniteDifferences_SymmetricThreeLayers()
    {
        // The LightGCN pattern: a symmetric matrix applied repeatedly, every layer feeding both the next and the sum.
        var a = SparseMatrix.FromDense([0f, .5f, 0f, .3f, .5f, 0f, .2f, 0f, 0f, .2f, 0f, .7f, .3f, 0f, .7f, 0f], 4, 4);
        Assert.True(a.IsSymmetric);
        GradientChecker.Check(
            (t, x) =>
            {
                var e1 = Ops.SparseMatMul(t, a, x[0]);
                var e2 = Ops.SparseMatMul(t, a, e1);
                return Ops.Add(t, Ops.Add(t, x[0], e1), Ops.SparseMatMul(t, a, e2));
            },
            [R([4, 3], 32)]);
    }

    [Fact]
    public void SparseMatMul_MatchesDenseMatMul()
    {
        var dense = SparseMatrixTests.RandomDense(9, 7, 0.3, seed: 3);
        var x = R([7, 20], 33, requiresGrad: false);
        var tape = new Tape();

        var sparse = Ops.SparseMatMul(tape, SparseMatrix.FromDense(dense, 9, 7), x);
        var reference = Ops.MatMul(tape, Tensor.FromArray(dense, [9, 7]), x);

        Assert.Equal([9, 20], sparse.Shape.ToArray());
        for (int i = 0; i < sparse.Length; i++)
        {
            Assert.Equal(reference.Data[i], sparse.Data[i], 1e-5f);
        }
    }

    [Fact]
    public void SparseMatMul_GivesSameResultsAndGradients_ForAnyThreadCount()
    {
        var a = RandomSparse(2000, 2000, seed: 4);
        float[] Run(int threads, out float[] grad)
        {
            var x = R([2000, 16], 34);
            var tape = new Tape { Threads = threads };
            var y = Ops.SparseMatMul(tape, a, x);
            tape.Backward(Ops.SquaredNorm(tape, y));
            grad = x.Grad!;
            return y.Data;
        }

        Assert.Equal(Run(1, out var g1), Run(3, out var g3));
        Assert.Equal(g1, g3);
    }

    [Fact]
    public void SparseMatMul_Throws_ForMismatchedShapes() =>
        Assert.Throws<ArgumentException>(() => Ops.SparseMatMul(new Tape(), RandomSparse(3, 4, 1), R([3, 2], 1)));

    [Fact]
    public void BprLoss_GradientMatchesFiniteDifferences() =>
        GradientChecker.Check((t, x) => Ops.BprLoss(t, x[0], x[1]), [R([7], 35, scale: 3f), R([7], 36, scale: 3f)]);

    [Fact]
    public void BprLoss_GradientMatchesFiniteDifferences_ThroughRowDot()
    {
        // Scores as LightGCN makes them: dot products of user rows with positive and negative item rows.
        GradientChecker.Check(
            (t, x) => Ops.BprLoss(t, Ops.RowDot(t, x[0], x[1]), Ops.RowDot(t, x[0], x[2])),
            [R([5, 4], 37), R([5, 4], 38), R([5, 4], 39)]);
    }

    [Fact]
    public void BprLoss_MatchesHandComputedValues()
    {
        // −ln σ(2 − 0) = ln(1 + e⁻²) = 0.126928; −ln σ(0 − 1) = ln(1 + e) = 1.313262; mean 0.720095.
        var tape = new Tape();
        var positive = Tensor.FromArray([2f, 0f], [2], requiresGrad: true);
        var negative = Tensor.FromArray([0f, 1f], [2], requiresGrad: true);

        var loss = Ops.BprLoss(tape, positive, negative);
        tape.Backward(loss);

        Assert.Equal(0.720095f, loss.Data[0], 1e-5f);

        // d/dx⁺ = −σ(x⁻ − x⁺)/2: σ(−2) = 0.119203, σ(1) = 0.731059.
        Assert.Equal(-0.119203f / 2, positive.Grad![0], 1e-6f);
        Assert.Equal(-0.731059f / 2, positive.Grad[1], 1e-6f);
        Assert.Equal(0.119203f / 2, negative.Grad![0], 1e-6f);
        Assert.Equal(0.731059f / 2, negative.Grad[1], 1e-6f);
    }

    [Fact]
    public void BprLoss_StaysFinite_ForLargeMargins()
    {
        var tape = new Tape();
        var positive = Tensor.FromArray([1000f, -1000f], [2], requiresGrad: true);
        var negative = Tensor.FromArray([-1000f, 1000f], [2], requiresGrad: true);

        var loss = Ops.BprLoss(tape, positive, negative);
        tape.Backward(loss);

        // Pair 1 costs ≈ 0, pair 2 costs its margin 2,000: mean 1,000; gradients are ∓σ(z)/2, i.e. 0 and ∓0.5.
        Assert.Equal(1000f, loss.Data[0], 1e-3f);
        Assert.Equal([0f, -0.5f], positive.Grad!);
        Assert.Equal([0f, 0.5f], negative.Grad!);
    }

    [Fact]
    public void BprLoss_Throws_ForMismatchedOrEmptyScores()
    {
        Assert.Throws<ArgumentException>(() => Ops.BprLoss(new Tape(), R([3], 1), R([4], 2)));
        Assert.Throws<ArgumentException>(() => Ops.BprLoss(new Tape(), Tensor.Zeros([0]), Tensor.Zeros([0])));
    }

    [Fact]
    public void SquaredNorm_GradientMatchesFiniteDifferences() =>
        GradientChecker.Check((t, x) => Ops.SquaredNorm(t, x[0], 0.3f), [R([3, 5], 40)]);

    [Fact]
    public void SquaredNorm_MatchesHandComputedValue()
    {
        // 0.5 · (1 + 4 + 9 + 0) = 7; gradient 2 · 0.5 · x = x.
        var tape = new Tape();
        var x = Tensor.FromArray([1f, -2f, 3f, 0f], [2, 2], requiresGrad: true);

        var norm = Ops.SquaredNorm(tape, x, 0.5f);
        tape.Backward(norm);

        Assert.Equal(7f, norm.Data[0]);
        Assert.Equal([1f, -2f, 3f, 0f], x.Grad!);
    }

    [Fact]
    public void SquaredNorm_Throws_ForNonFiniteScale() =>
        Assert.Throws<ArgumentException>(() => Ops.SquaredNorm(new Tape(), R([2], 1), float.NaN));
}
