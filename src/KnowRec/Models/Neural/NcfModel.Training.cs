using KnowRec.Data;
using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using KnowRec.Training;

namespace KnowRec.Models.Neural;

/// <content>Training: pointwise log loss over positives and sampled negatives (He et al. 2017, eq. 7), Adam, mini-batches.</content>
public sealed partial class NcfModel
{
    /// <summary>Fits the model on <paramref name="train"/>.</summary>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    public static NcfModel Fit(Dataset train, NcfOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new NcfOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        var matrix = train.Matrix;
        var network = new NcfNetwork(matrix.Users, matrix.Items, options, new System.Random(options.Seed));
        if (matrix.NonZeros > 0 && matrix.Items > 1)
        {
            Train(network, matrix, options, context);
        }

        // A user never seen in training still holds the random start: zero it, so the user gets the items' prior.
        ZeroRowsOfEmptyUsers(matrix, network.GmfUsers, network.MlpUsers);
        return FromNetwork(train, options, network);
    }

    /// <summary>A fitted model over the network's current values (copied, so later training does not change it).</summary>
    internal static NcfModel FromNetwork(Dataset train, NcfOptions options, NcfNetwork network) =>
        new(train.Users, train.Items, train.Matrix, options, [.. network.Parameters.Select(p => (float[])p.Data.Clone())]);

    private static void Train(NcfNetwork network, InteractionMatrix matrix, NcfOptions options, TrainingContext context)
    {
        var tape = new Tape { Threads = EpochLoop.Threads(context) };
        var adam = new Adam(network.Parameters, options.LearningRate, weightDecay: options.WeightDecay);
        var sampler = NegativeItemSampler.Uniform(matrix.Items);
        var owners = ExampleSampler.Owners(matrix);
        EpochLoop.Run(KindName, options.Epochs, options.LearningRate, context, epoch =>
        {
            var (users, items, labels) = ExampleSampler.Pointwise(matrix, owners, sampler, options.Negatives, SplitMix64.Derive(options.Seed, epoch));
            double total = 0;
            foreach (var (start, count) in EpochLoop.Batches(users.Length, options.BatchSize))
            {
                context.Cancellation.ThrowIfCancellationRequested();
                var logits = network.Forward(tape, users[start..(start + count)], items[start..(start + count)]);
                var loss = Ops.BinaryCrossEntropyWithLogits(tape, logits, Tensor.FromArray(labels[start..(start + count)], [count, 1]));
                adam.ZeroGrad();
                tape.Backward(loss);
                adam.Step();
                total += (double)loss.Data[0] * count;
            }

            return total / users.Length;
        });
    }

    /// <summary>Sets the rows of users without training interactions to zero in each table.</summary>
    internal static void ZeroRowsOfEmptyUsers(InteractionMatrix matrix, params Tensor[] tables)
    {
        for (int u = 0; u < matrix.Users; u++)
        {
            if (matrix.CountOf(u) == 0)
            {
                foreach (var table in tables)
                {
                    Array.Clear(table.Data, u * table.Columns, table.Columns);
                }
            }
        }
    }
}
