using KnowRec.Features.Fusion;
using KnowRec.Numerics.Autodiff;
using KnowRec.Tests.Numerics.Autodiff;
using Xunit;

namespace KnowRec.Tests.Features.Fusion;

public sealed class FusionModuleTests
{
    private static readonly int[] Dimensions = [3, 2, 4];

    // Row 0 has every source, row 1 lacks the first (a cold id), row 2 has only the first, row 3 only the last, row 4 none.
    private static readonly bool[] Mask =
    [
        true, true, true,
        false, true, true,
        true, false, false,
        false, false, true,
        false, false, false,
    ];

    public static TheoryData<FusionKind> Kinds => [FusionKind.Concat, FusionKind.Weighted, FusionKind.Attention, FusionKind.Gated];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Forward_MatchesNaiveLoops_WithMaskedRows(FusionKind kind)
    {
        var (module, sources) = Build(kind, 3);
        var fused = module.Forward(new Tape(), sources, Mask);
        var expected = Naive(module, [.. sources.Select(s => s.Data)], Mask);
        Assert.Equal([5, 3], fused.Shape.ToArray());
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], fused.Data[i], 4);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Forward_IgnoresWhatAbsentRowsHold(FusionKind kind)
    {
        var (module, sources) = Build(kind, 3);
        var before = module.Forward(new Tape(), sources, Mask).Data;

        // Row 1 lacks source 0: any values there must not matter (a zero row is not a real vector, nor is garbage).
        sources[0].Data.AsSpan(3, 3).Fill(7f);
        var after = module.Forward(new Tape(), sources, Mask).Data;
        Assert.Equal(before, after);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Gradients_MatchFiniteDifferences(FusionKind kind)
    {
        var (module, sources) = Build(kind, 5, grad: true);
        GradientChecker.Check((tape, x) => module.Forward(tape, x[..3], Mask), [.. sources, .. module.Parameters]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Gradients_MatchFiniteDifferences_OneRowEverySourcePresent(FusionKind kind)
    {
        var (module, sources) = Build(kind, 6, rows: 1, grad: true);
        GradientChecker.Check((tape, x) => module.Forward(tape, x[..3], [true, true, true]), [.. sources, .. module.Parameters]);
    }

    [Fact]
    public void Weighted_StartsAsTheMeanOfThePresentProjections()
    {
        var module = new WeightedFusion([2, 2], 2, new Random(1));
        var a = Tensor.FromArray([1f, 0f, 1f, 0f], [2, 2]);
        var b = Tensor.FromArray([0f, 1f, 0f, 1f], [2, 2]);
        var fused = module.Forward(new Tape(), [a, b], [true, true, true, false]).Data;
        var pa = Project(module, 0, [1f, 0f]);
        var pb = Project(module, 1, [0f, 1f]);
        Assert.Equal((pa[0] + pb[0]) / 2, fused[0], 5);
        Assert.Equal(pa[1], fused[3], 5);
    }

    [Fact]
    public void Gated_FallsBackToTheSourceThatIsThere()
    {
        var (module, sources) = Build(FusionKind.Gated, 4);
        var fused = module.Forward(new Tape(), sources, Mask).Data;

        // Row 2 has only the collaborative source: ẑ = p_0. Row 3 has only a knowledge source: ẑ = p_2. Row 4: zero.
        var z = Project(module, 0, sources[0].Data.AsSpan(6, 3));
        var e = Project(module, 2, sources[2].Data.AsSpan(12, 4));
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(z[j], fused[6 + j], 5);
            Assert.Equal(e[j], fused[9 + j], 5);
            Assert.Equal(0f, fused[12 + j]);
        }
    }

    [Fact]
    public void Forward_RejectsWrongShapes()
    {
        var (module, sources) = Build(FusionKind.Concat, 1);
        Assert.Throws<ArgumentException>(() => module.Forward(new Tape(), sources[..2], Mask));
        Assert.Throws<ArgumentException>(() => module.Forward(new Tape(), sources, Mask[..3]));
        Assert.Throws<ArgumentException>(() => new GatedFusion([3], 2, new Random(1)));
    }

    private static (FusionModule Module, Tensor[] Sources) Build(FusionKind kind, int seed, int rows = 5, bool grad = false)
    {
        var random = new Random(seed);
        var module = FusionModule.Create(kind, Dimensions, 3, random);

        // Random values everywhere (zero biases and weights would hide mistakes).
        foreach (var p in module.Parameters)
        {
            for (int i = 0; i < p.Data.Length; i++)
            {
                p.Data[i] = (float)((random.NextDouble() * 2) - 1);
            }
        }

        var sources = Dimensions.Select(d => Tensor.Uniform([rows, d], -1f, 1f, random, grad)).ToArray();
        for (int r = 0; r < rows && rows == 5; r++)
        {
            for (int s = 0; s < 3; s++)
            {
                // Absent rows hold zeros, as ItemVectors stores them.
                if (!Mask[(r * 3) + s])
                {
                    sources[s].Data.AsSpan(r * Dimensions[s], Dimensions[s]).Clear();
                }
            }
        }

        return (module, sources);
    }

    private static float[] Project(FusionModule module, int s, ReadOnlySpan<float> x)
    {
        var w = module.ProjectionWeight(s).Data;
        var b = module.ProjectionBias(s).Data;
        return Affine(x, w, b, module.Dimension);
    }

    private static float[] Affine(ReadOnlySpan<float> x, float[] w, float[]? b, int outputs)
    {
        var y = new float[outputs];
        for (int j = 0; j < outputs; j++)
        {
            double sum = b?[j] ?? 0;
            for (int k = 0; k < x.Length; k++)
            {
                sum += x[k] * w[(k * outputs) + j];
            }

            y[j] = (float)sum;
        }

        return y;
    }

    // The formulas of the modules' doc comments, one item at a time.
    private static float[] Naive(FusionModule module, float[][] sources, bool[] mask)
    {
        int count = module.Sources, d = module.Dimension, rows = mask.Length / count;
        var output = new float[rows * d];
        for (int r = 0; r < rows; r++)
        {
            var p = new float[count][];
            for (int s = 0; s < count; s++)
            {
                int ds = module.SourceDimensions[s];
                p[s] = mask[(r * count) + s] ? Project(module, s, sources[s].AsSpan(r * ds, ds)) : new float[d];
            }

            bool Has(int s) => mask[(r * count) + s];
            var z = output.AsSpan(r * d, d);
            switch (module)
            {
                case ConcatFusion concat:
                    var joined = Enumerable.Range(0, count).SelectMany(s => Has(s) ? p[s] : concat.Missing(s).Data).ToArray();
                    Affine(joined, concat.Weight.Data, concat.Bias.Data, d).CopyTo(z);
                    break;
                case WeightedFusion weighted:
                    Mix(z, p, [.. Enumerable.Range(0, count).Select(s => (double)weighted.Logits.Data[s])], Has);
                    break;
                case AttentionFusion attention:
                    var scores = Enumerable.Range(0, count).Select(s =>
                    {
                        var h = Affine(p[s], attention.Weight.Data, attention.Bias.Data, d);
                        return h.Select((v, j) => Math.Tanh(v) * attention.Query.Data[j]).Sum();
                    }).ToArray();
                    Mix(z, p, scores, Has);
                    break;
                case GatedFusion gated:
                    var present = Enumerable.Range(1, count - 1).Where(Has).ToList();
                    var e = new float[d];
                    foreach (int s in present)
                    {
                        for (int j = 0; j < d; j++)
                        {
                            e[j] += p[s][j] / present.Count;
                        }
                    }

                    var a = Affine(p[0], gated.CollaborativeWeight.Data, gated.Bias.Data, d);
                    var c = Affine(e, gated.KnowledgeWeight.Data, null, d);
                    for (int j = 0; j < d; j++)
                    {
                        double g = 1 / (1 + Math.Exp(-(a[j] + c[j])));
                        z[j] = !Has(0) ? e[j] : present.Count == 0 ? p[0][j] : (float)((g * p[0][j]) + ((1 - g) * e[j]));
                    }

                    break;
            }
        }

        return output;
    }

    private static void Mix(Span<float> z, float[][] p, double[] scores, Func<int, bool> has)
    {
        var present = Enumerable.Range(0, p.Length).Where(has).ToList();
        if (present.Count == 0)
        {
            return;
        }

        double max = present.Max(s => scores[s]);
        double total = present.Sum(s => Math.Exp(scores[s] - max));
        foreach (int s in present)
        {
            double alpha = Math.Exp(scores[s] - max) / total;
            for (int j = 0; j < z.Length; j++)
            {
                z[j] += (float)(alpha * p[s][j]);
            }
        }
    }
}
