using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using KnowRec.Training;

namespace KnowRec.Tests.Training;

/// <summary>y = w·x + b fitted to 32 points of y = 3x − 1 by mini-batch SGD: two parameters, built on Ops.</summary>
internal sealed class TinyRegression
{
    private const int Examples = 32;
    private readonly Tensor _x;
    private readonly Tensor _y;
    private readonly ShuffledBatches _batches = new(Examples, 8, seed: 1);

    public TinyRegression(float learningRate = 0.1f)
    {
        _x = Tensor.FromArray([.. Enumerable.Range(0, Examples).Select(i => (i / 16f) - 1f)], [Examples, 1]);
        _y = Tensor.FromArray([.. _x.Data.Select(x => (3f * x) - 1f)], [Examples, 1]);
        Optimizer = new Sgd([W, B], learningRate, momentum: 0.5f);
    }

    public Tensor W { get; } = Tensor.Zeros([1], requiresGrad: true);

    public Tensor B { get; } = Tensor.Zeros([1], requiresGrad: true);

    public Optimizer Optimizer { get; }

    /// <summary>Epochs run so far, counting each call of <see cref="Epoch"/>.</summary>
    public List<int> Ran { get; } = [];

    /// <summary>Higher is better: minus the distance to the true (3, −1).</summary>
    public double Closeness() => -(Math.Abs(W.Data[0] - 3.0) + Math.Abs(B.Data[0] + 1.0));

    public double Epoch(int epoch)
    {
        Ran.Add(epoch);
        double total = 0;
        foreach (var batch in _batches.Epoch(epoch))
        {
            var x = Tensor.FromArray([.. batch.Select(i => _x.Data[i])], [batch.Count, 1]);
            var y = Tensor.FromArray([.. batch.Select(i => _y.Data[i])], [batch.Count, 1]);
            Optimizer.ZeroGrad();
            var tape = new Tape();
            var loss = Ops.MeanSquaredError(tape, Ops.Add(tape, Ops.Mul(tape, x, W), B), y);
            tape.Backward(loss);
            Optimizer.Step();
            total += loss.Data[0] * batch.Count;
        }

        return total / Examples;
    }
}

/// <summary>
/// A small factorisation trained with Adam: sparse user and item tables, a dense mixing matrix, shuffled batches and
/// target noise drawn from SplitMix64.Derive(seed, epoch), so that every kind of state a checkpoint must carry is used.
/// </summary>
internal sealed class TinyFactorization
{
    private const int Users = 7;
    private const int Items = 6;
    private readonly (int User, int Item, float Value)[] _ratings;
    private readonly ShuffledBatches _batches;

    public TinyFactorization()
    {
        var random = new Random(4);
        _ratings = [.. Enumerable.Range(0, 30).Select(_ => (random.Next(Users), random.Next(Items), (float)random.Next(1, 6)))];
        _batches = new ShuffledBatches(_ratings.Length, 4, seed: 9);
        UserTable = Init.Normal([Users, 3], 0.5f, new Random(1)).EnableSparseGradient();
        ItemTable = Init.Normal([Items, 3], 0.5f, new Random(2)).EnableSparseGradient();
        Mixing = Init.XavierUniform([3, 3], new Random(3));
        Optimizer = new Adam([UserTable, ItemTable, Mixing], 0.05f, weightDecay: 0.01f);
    }

    public Tensor UserTable { get; }

    public Tensor ItemTable { get; }

    public Tensor Mixing { get; }

    public Adam Optimizer { get; }

    public float[] Snapshot() => [.. UserTable.Data, .. ItemTable.Data, .. Mixing.Data];

    public double Epoch(int epoch)
    {
        var noise = new SplitMix64(SplitMix64.Derive(9, epoch));
        double total = 0;
        foreach (var batch in _batches.Epoch(epoch))
        {
            int[] users = [.. batch.Select(j => _ratings[j].User)];
            int[] items = [.. batch.Select(j => _ratings[j].Item)];
            float[] targets = [.. batch.Select(j => _ratings[j].Value + (0.1f * (noise.NextSingle() - 0.5f)))];
            Optimizer.ZeroGrad();
            var tape = new Tape();
            var u = Ops.MatMul(tape, Ops.EmbeddingLookup(tape, UserTable, users), Mixing);
            var prediction = Ops.RowDot(tape, u, Ops.EmbeddingLookup(tape, ItemTable, items));
            var loss = Ops.MeanSquaredError(tape, prediction, Tensor.FromArray(targets, [targets.Length]));
            tape.Backward(loss);
            Optimizer.Step();
            total += loss.Data[0];
        }

        return total / _batches.BatchesPerEpoch;
    }
}
