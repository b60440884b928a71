using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using Xunit;
using static KnowRec.Tests.Numerics.Optimizers.OptimizerKit;

namespace KnowRec.Tests.Numerics.Optimizers;

public sealed class ThreadedStepTests
{
    public static TheoryData<string> Names => ["sgd", "adam", "adamw", "adagrad"];

    private static Optimizer Make(string name, Tensor[] parameters) => name switch
    {
        "sgd" => new Sgd(parameters, 0.1f, momentum: 0.9f, nesterov: true, weightDecay: 0.01f),
        "adam" => new Adam(parameters, 0.01f, weightDecay: 0.01f),
        "adamw" => new AdamW(parameters, 0.01f),
        _ => new Adagrad(parameters, 0.1f, weightDecay: 0.01f),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Step_GivesTheSameBits_ForAnyThreadCount(string name)
    {
        // A dense vector of three chunks and a bit, and a table with 3000 of 5000 rows touched (48000 elements).
        float[][] one = Train(name, threads: 1);
        float[][] three = Train(name, threads: 3);
        Assert.Equal(one[0], three[0]);
        Assert.Equal(one[1], three[1]);
    }

    private static float[][] Train(string name, int threads)
    {
        var dense = Tensor.FromArray(StartOf((3 << 14) + 5), [(3 << 14) + 5], requiresGrad: true);
        var table = Tensor.FromArray(StartOf(5000 * 16), [5000, 16], requiresGrad: true).EnableSparseGradient();
        var optimizer = Make(name, [dense, table]);
        optimizer.Threads = threads;
        for (int t = 0; t < 3; t++)
        {
            optimizer.ZeroGrad();
            int step = t;
            Feed(dense, [.. Enumerable.Range(0, dense.Length).Select(i => Gradient(step, i))]);
            int[] rows = [.. Enumerable.Range(0, 3000).Select(r => ((r * 7) + t) % 5000)];
            FeedRows(table, rows, [.. Enumerable.Range(0, rows.Length * 16).Select(i => Gradient(step, i))]);
            optimizer.Step();
        }

        return [dense.Data, table.Data];
    }
}
