using KnowRec.Data;
using KnowRec.Training;

namespace KnowRec.Models.Neural;

/// <content>Training: pointwise log loss over positives and sampled negatives (He et al. 2017, eq. 7), Adam, mini-batches.</content>
public sealed partial class NcfModel
{
    /// <summary>Fits the model on <paramref name="train"/>.</summary>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    public static NcfModel Fit(Dataset train, NcfOptions? options = null, TrainingContext? context = null) => Fit(train, options, context, null);

    /// <summary>Fits the model, handing <paramref name="afterEpoch"/> a model of the weights after each epoch (learning curves, early stopping).</summary>
    /// <param name="train">Training interactions.</param>
    /// <param name="options">Options (defaults when null).</param>
    /// <param name="context">Threads, progress and cancellation.</param>
    /// <param name="afterEpoch">Called after each epoch with its report and a fitted model of the weights so far; null for none.</param>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    public static NcfModel Fit(Dataset train, NcfOptions? options, TrainingContext? context, Action<EpochReport, NcfModel>? afterEpoch)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new NcfOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        var matrix = train.Matrix;
        var network = new NcfNetwork(matrix.Users, matrix.Items, options, new System.Random(options.Seed));

        // Early stopping fits on the training rows minus a validation share; the fitted model still excludes all of them.
        var plan = ValidationPlan.For(train, options.Patience, options.ValidationShare, options.Seed);
        var fitOn = plan.Train.Matrix;
        if (fitOn.NonZeros > 0 && fitOn.Items > 1)
        {
            var schedule = new SampledSchedule(options.Epochs, options.BatchSize, options.LearningRate, options.WeightDecay, options.Negatives, options.NegativeCandidates, options.Seed);
            Action<EpochReport>? after = afterEpoch is null ? null : report => afterEpoch(report, FromNetwork(train, options, network));
            var validation = plan.Watch(network.Parameters, () => FromNetwork(plan.Train, options, network));
            SampledTrainer.Pointwise(fitOn, network.Parameters, schedule, network.Forward, context, after, validation);
        }

        return FromNetwork(train, options, network);
    }

    /// <summary>
    /// A fitted model over a copy of the network's current values. A user without training interactions still holds the
    /// random start, so the copy zeroes that user's embeddings: such a user gets the items' learned prior.
    /// </summary>
    internal static NcfModel FromNetwork(Dataset train, NcfOptions options, NcfNetwork network)
    {
        var arrays = network.Parameters.Select(p => (float[])p.Data.Clone()).ToArray();
        ZeroRowsOfEmptyUsers(train.Matrix, arrays[0], options.Factors);
        ZeroRowsOfEmptyUsers(train.Matrix, arrays[2], network.MlpUsers.Columns);
        return new NcfModel(train.Users, train.Items, train.Matrix, options, arrays);
    }

    /// <summary>Sets the rows of users without training interactions to zero in a users × <paramref name="width"/> table.</summary>
    internal static void ZeroRowsOfEmptyUsers(InteractionMatrix matrix, float[] table, int width)
    {
        for (int u = 0; u < matrix.Users; u++)
        {
            if (matrix.CountOf(u) == 0)
            {
                Array.Clear(table, u * width, width);
            }
        }
    }
}
