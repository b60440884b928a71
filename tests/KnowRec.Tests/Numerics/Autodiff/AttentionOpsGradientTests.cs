using KnowRec.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Numerics.Autodiff;

/// <summary>Finite-difference checks of the Transformer ops: batched products, softmax and masks, layer norm, dropout, heads, attention.</summary>
public sealed class AttentionOpsGradientTests
{
    private static Tensor R(int[] shape, int seed, float scale = 1f, float gap = 0f, bool requiresGrad = true) =>
        GradientChecker.Random(shape, seed, scale, gap, requiresGrad);

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void BatchedMatMul_GradientMatchesFiniteDifferences_Rank3(bool transposeA, bool transposeB)
    {
        // op(A) is 3 × 4 and op(B) is 4 × 2 in each of 2 batch items.
        int[] a = transposeA ? [2, 4, 3] : [2, 3, 4];
        int[] b = transposeB ? [2, 2, 4] : [2, 4, 2];
        GradientChecker.Check((t, x) => Ops.BatchedMatMul(t, x[0], x[1], transposeA, transposeB, scale: 0.5f), [R(a, 1), R(b, 2)]);
    }

    [Fact]
    public void BatchedMatMul_GradientMatchesFiniteDifferences_Rank4SameTensorTwice() =>
        GradientChecker.Check((t, x) => Ops.BatchedMatMul(t, x[0], x[0], transposeB: true), [R([2, 2, 3, 2], 3)]);

    [Fact]
    public void BatchedMatMul_GradientMatchesFiniteDifferences_OneOperandConstant() =>
        GradientChecker.Check((t, x) => Ops.BatchedMatMul(t, x[0], x[1]), [R([3, 1, 5], 4, requiresGrad: false), R([3, 5, 1], 5)]);

    [Theory]
    [InlineData(new[] { 5 })]
    [InlineData(new[] { 3, 4 })]
    [InlineData(new[] { 2, 2, 3 })]
    public void Softmax_GradientMatchesFiniteDifferences(int[] shape) =>
        GradientChecker.Check((t, x) => Ops.Softmax(t, x[0]), [R(shape, 6, scale: 3f)]);

    [Fact]
    public void MaskedSoftmax_GradientMatchesFiniteDifferences_Causal() =>
        GradientChecker.Check((t, x) => Ops.MaskedSoftmax(t, x[0], causal: true), [R([2, 4, 4], 7, scale: 2f)]);

    [Fact]
    public void MaskedSoftmax_GradientMatchesFiniteDifferences_CausalWithPaddingAndEmptyRows()
    {
        // Sequence 0 is left-padded by two keys, so its first two queries see nothing; two heads per sequence.
        bool[] padding = [true, true, false, false, false, false, false, true];
        GradientChecker.Check((t, x) => Ops.MaskedSoftmax(t, x[0], causal: true, padding), [R([2, 2, 4, 4], 8, scale: 2f)]);
    }

    [Fact]
    public void MaskedSoftmax_GradientMatchesFiniteDifferences_PaddingOnly() =>
        GradientChecker.Check((t, x) => Ops.MaskedSoftmax(t, x[0], causal: false, [false, true, false, true, false, false]), [R([2, 2, 3], 9, scale: 2f)]);

    [Theory]
    [InlineData(new[] { 6 })]
    [InlineData(new[] { 3, 5 })]
    [InlineData(new[] { 2, 3, 4 })]
    public void LayerNorm_GradientMatchesFiniteDifferences(int[] shape)
    {
        int d = shape[^1];
        GradientChecker.Check(
            (t, x) => Ops.LayerNorm(t, x[0], x[1], x[2]),
            [R(shape, 10, scale: 2f), R([d], 11, scale: 1.5f), R([d], 12)],
            step: 1e-3);
    }

    [Fact]
    public void LayerNorm_GradientMatchesFiniteDifferences_ConstantGainAndBias() =>
        GradientChecker.Check(
            (t, x) => Ops.LayerNorm(t, x[0], x[1], x[2], epsilon: 1e-3f),
            [R([4, 3], 13), R([3], 14, requiresGrad: false), R([3], 15, requiresGrad: false)],
            step: 1e-3);

    [Theory]
    [InlineData(0.5f)]
    [InlineData(0.1f)]
    public void Dropout_GradientMatchesFiniteDifferences(float rate) =>
        GradientChecker.Check((t, x) => Ops.Dropout(t, x[0], rate, training: true, seed: 99), [R([4, 6], 16)]);

    [Fact]
    public void SplitHeads_GradientMatchesFiniteDifferences() =>
        GradientChecker.Check((t, x) => Ops.SplitHeads(t, x[0], 3), [R([2, 2, 6], 17)]);

    [Fact]
    public void MergeHeads_GradientMatchesFiniteDifferences() =>
        GradientChecker.Check((t, x) => Ops.MergeHeads(t, x[0], 2), [R([4, 3, 2], 18)]);

    [Theory]
    [InlineData(new[] { 4 }, true)]
    [InlineData(new[] { 3, 4 }, true)]
    [InlineData(new[] { 2, 3, 4 }, false)]
    public void Linear_GradientMatchesFiniteDifferences(int[] shape, bool withBias)
    {
        Tensor[] inputs = withBias ? [R(shape, 19), R([4, 3], 20), R([3], 21)] : [R(shape, 19), R([4, 3], 20)];
        GradientChecker.Check((t, x) => Ops.Linear(t, x[0], x[1], x.Length > 2 ? x[2] : null), inputs);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void MultiHeadAttention_GradientMatchesFiniteDifferences_CausalSelfAttentionWithPadding(int heads, bool output)
    {
        var weights = AttentionWeights.Create(4, heads, output, new Random(22));
        foreach (var bias in new[] { weights.QueryBias, weights.KeyBias, weights.ValueBias })
        {
            R([4], 23, scale: 0.5f).Data.CopyTo(bias.Data, 0);
        }

        var inputs = new List<Tensor> { R([2, 3, 4], 24) };
        inputs.AddRange(weights.Parameters);
        bool[] padding = [true, false, false, false, false, false];
        GradientChecker.Check(
            (t, x) => Ops.MultiHeadAttention(t, x[0], x[0], weights, causal: true, padding, dropout: 0.25f, dropoutSeed: 5),
            [.. inputs]);
    }

    [Fact]
    public void MultiHeadAttention_GradientMatchesFiniteDifferences_CrossAttention()
    {
        var weights = AttentionWeights.Create(4, 2, outputProjection: true, new Random(25));
        GradientChecker.Check(
            (t, x) => Ops.MultiHeadAttention(t, x[0], x[1], weights),
            [R([2, 2, 4], 26), R([2, 3, 4], 27)]);
    }
}
