using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using Xunit;

namespace KnowRec.Tests.Numerics.Optimizers;

/// <summary>Feeds chosen gradients to optimisers, and naive double-precision versions of each update to compare with.</summary>
internal static class OptimizerKit
{
    public static readonly float[] Start = [0.5f, -1.25f, 2f, 0.75f];

    /// <summary>The gradient at 0-based step t, element i: quarters in [−1.25, 1.25], exact in float, some zero.</summary>
    public static float Gradient(int t, int i) => (((7 * t) + (3 * i)) % 11 - 5) / 4f;

    /// <summary>Gives <paramref name="theta"/> exactly the gradient <paramref name="g"/> (the loss Σ θ·g has ∂/∂θ = g).</summary>
    public static void Feed(Tensor theta, float[] g)
    {
        var tape = new Tape();
        tape.Backward(Ops.Sum(tape, Ops.Mul(tape, theta, Tensor.FromArray(g, theta.Shape.ToArray()))));
    }

    /// <summary>Gives rows <paramref name="rows"/> of a row-tracked table the gradient <paramref name="g"/> (rows.Length × columns), leaving other rows untouched.</summary>
    public static void FeedRows(Tensor table, int[] rows, float[] g)
    {
        var tape = new Tape();
        var picked = Ops.EmbeddingLookup(tape, table, rows);
        tape.Backward(Ops.Sum(tape, Ops.Mul(tape, picked, Tensor.FromArray(g, [rows.Length, table.Columns]))));
    }

    /// <summary>A start vector of <paramref name="length"/> elements: <see cref="Start"/> repeated with a shift.</summary>
    public static float[] StartOf(int length) => [.. Enumerable.Range(0, length).Select(i => Start[i % 4] + (i / 4 * 0.125f))];

    /// <summary>Runs <paramref name="steps"/> steps of <see cref="Gradient"/> from <paramref name="start"/> (default <see cref="Start"/>).</summary>
    public static float[] Run(Func<Tensor, Optimizer> make, int steps, float[]? start = null)
    {
        start ??= Start;
        var theta = Tensor.FromArray(start, [start.Length], requiresGrad: true);
        var optimizer = make(theta);
        for (int t = 0; t < steps; t++)
        {
            optimizer.ZeroGrad();
            Feed(theta, [.. Enumerable.Range(0, start.Length).Select(i => Gradient(t, i))]);
            optimizer.Step();
        }

        return theta.Data;
    }

    /// <summary>Rows of a 5 × 10 table touched at each step of <see cref="RunLazy"/>; row 2 is never touched.</summary>
    public static readonly int[][] Schedule = [[1, 3], [3], [0, 3, 1], [4], [3, 1]];

    public const int TableRows = 5;
    public const int TableColumns = 10;

    /// <summary>Runs <see cref="Schedule"/> on a 5 × 10 table, row-tracked unless <paramref name="sparse"/> is false; element (r, c) of step t gets <see cref="Gradient"/>(t, 10r + c).</summary>
    public static float[] RunLazy(Func<Tensor, Optimizer> make, bool sparse = true)
    {
        var table = Tensor.FromArray(StartOf(TableRows * TableColumns), [TableRows, TableColumns], requiresGrad: true);
        if (sparse)
        {
            table.EnableSparseGradient();
        }

        var optimizer = make(table);
        for (int t = 0; t < Schedule.Length; t++)
        {
            optimizer.ZeroGrad();
            int step = t;
            float[] g = [.. Schedule[t].SelectMany(r => Enumerable.Range(0, TableColumns).Select(c => Gradient(step, (r * TableColumns) + c)))];
            FeedRows(table, Schedule[t], g);
            Assert.Equal(sparse, table.HasSparseGradient);
            optimizer.Step();
        }

        return table.Data;
    }

    /// <summary>
    /// The lazy rule written out: element e moves only at steps whose schedule touches its row, with
    /// <paramref name="update"/>(θ, e, g, t) given the 1-based global step t.
    /// </summary>
    public static double[] NaiveLazy(Func<double, int, double, long, double> update)
    {
        var theta = StartOf(TableRows * TableColumns).Select(x => (double)x).ToArray();
        for (int t = 0; t < Schedule.Length; t++)
        {
            foreach (int r in Schedule[t])
            {
                for (int c = 0; c < TableColumns; c++)
                {
                    int e = (r * TableColumns) + c;
                    theta[e] = update(theta[e], e, Gradient(t, e), t + 1);
                }
            }
        }

        return theta;
    }

    /// <summary>Runs <paramref name="steps"/> dense steps through a naive update (θ, e, g, t), t 1-based.</summary>
    public static double[] Naive(float[] start, int steps, Func<double, int, double, long, double> update)
    {
        var theta = start.Select(x => (double)x).ToArray();
        for (int t = 0; t < steps; t++)
        {
            for (int e = 0; e < theta.Length; e++)
            {
                theta[e] = update(theta[e], e, Gradient(t, e), t + 1);
            }
        }

        return theta;
    }

    /// <summary>PyTorch's SGD written out element by element (b₀ = 0, no dampening).</summary>
    public static double NaiveSgd(double theta, ref double b, double g, double rate, double mu, bool nesterov, double decay)
    {
        g += decay * theta;
        if (mu > 0)
        {
            b = (mu * b) + g;
            g = nesterov ? g + (mu * b) : b;
        }

        return theta - (rate * g);
    }

    /// <summary>Kingma &amp; Ba Algorithm 1 with explicit bias-corrected moments; decoupled decay per Loshchilov &amp; Hutter Algorithm 2.</summary>
    public static double NaiveAdam(double theta, ref double m, ref double v, double g, long t, double rate, double b1, double b2, double eps, double decay, bool decoupled)
    {
        if (!decoupled)
        {
            g += decay * theta;
        }

        m = (b1 * m) + ((1 - b1) * g);
        v = (b2 * v) + ((1 - b2) * g * g);
        double mHat = m / (1 - Math.Pow(b1, t));
        double vHat = v / (1 - Math.Pow(b2, t));
        double step = mHat / (Math.Sqrt(vHat) + eps);
        return theta - (rate * (step + (decoupled ? decay * theta : 0)));
    }

    /// <summary>Duchi et al.'s diagonal Adagrad.</summary>
    public static double NaiveAdagrad(double theta, ref double sum, double g, double rate, double eps, double decay)
    {
        g += decay * theta;
        sum += g * g;
        return theta - (rate * g / (Math.Sqrt(sum) + eps));
    }

    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<float> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
