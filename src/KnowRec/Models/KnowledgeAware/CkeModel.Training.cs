using System.Diagnostics;
using KnowRec.Data;
using KnowRec.Models.Als;
using KnowRec.Training;

namespace KnowRec.Models.KnowledgeAware;

/// <content>Fitting: joint BPR and TransR steps by Adam (see <see cref="CkeTrainer"/>).</content>
public sealed partial class CkeModel
{
    /// <summary>Fits the model on <paramref name="train"/>, whose <see cref="Dataset.Knowledge"/> must hold the item graph.</summary>
    /// <exception cref="ArgumentException">No knowledge graph is attached to <paramref name="train"/>.</exception>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    public static CkeModel Fit(Dataset train, CkeOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new CkeOptions();
        options.Validate();
        var knowledge = train.Knowledge
            ?? throw new ArgumentException("cke needs a knowledge graph attached to the items: pass --kg NAME (e.g. --kg kg-ml100k-freebase), or call Dataset.WithKnowledge.", nameof(train));
        context ??= TrainingContext.Default;
        var clock = Stopwatch.StartNew();
        var matrix = train.Matrix;
        int threads = Math.Max(1, Math.Min(context.Threads, Environment.ProcessorCount));
        var trainer = new CkeTrainer(matrix, knowledge, options, threads);
        if (matrix.NonZeros > 0 && matrix.Items > 1)
        {
            for (int epoch = 0; epoch < options.Epochs; epoch++)
            {
                double loss = trainer.RunEpoch(epoch, context.Cancellation);
                if (!double.IsFinite(loss))
                {
                    throw new ModelFitException($"CKE diverged at epoch {epoch + 1}: the loss is {loss} (LearningRate {options.LearningRate}).");
                }

                context.Progress?.Report(new EpochReport(epoch + 1, options.Epochs, loss, clock.Elapsed));
            }
        }

        // Stride-padded copies for scoring. A user without history was never in a batch, so their vector is still the
        // random start: it is zeroed, so such a user gets a neutral all-zero score rather than noise.
        int stride = FactorKernels.Stride(options.Factors), d = options.Factors;
        var userVectors = new float[matrix.Users * stride];
        for (int u = 0; u < matrix.Users; u++)
        {
            if (matrix.CountOf(u) > 0)
            {
                trainer.UserVector(u).CopyTo(userVectors.AsSpan(u * stride, d));
            }
        }

        var itemVectors = new float[matrix.Items * stride];
        for (int i = 0; i < matrix.Items; i++)
        {
            trainer.ItemVector(i, itemVectors.AsSpan(i * stride, d));
        }

        return new CkeModel(train.Users, train.Items, matrix, options, userVectors, itemVectors);
    }
}
