using System.Diagnostics;
using System.Runtime.CompilerServices;
using KnowRec.Data;
using KnowRec.Training;

namespace KnowRec.Models.Factorization;

/// <content>The SGD loop of <see cref="SvdModel"/>.</content>
public sealed partial class SvdModel
{
    // Ratings per block of the epoch order: 64 rows of 12 bytes are 12 cache lines read in sequence.
    private const int BlockSize = 64;

    private static BiasedFactors Train(Dataset train, SvdOptions options, TrainingContext context)
    {
        // One generator, used first for the factor start and then for every epoch's order: the seed fixes both.
        var random = new System.Random(options.Seed);
        var factors = BiasedFactors.Initialise(train, options.Factors, options.InitStdDev, random);
        var matrix = train.Matrix;
        var ratings = Rating.AllOf(matrix);
        SgdKernels.Shuffle(ratings, random);
        int[] blocks = new int[(ratings.Length + BlockSize - 1) / BlockSize];
        for (int b = 0; b < blocks.Length; b++)
        {
            blocks[b] = b;
        }
        var rates = new SgdRates((float)options.LearningRate, (float)options.Regularization, (float)options.BiasLearningRate, (float)options.BiasRegularization);
        var clock = Stopwatch.StartNew();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            context.Cancellation.ThrowIfCancellationRequested();

            // The rows were shuffled once; each epoch visits their blocks in a fresh order. That keeps one user's or item's
            // ratings from arriving in a run that drags its factors, and the epochs from repeating one order, while
            // reading memory in runs: a full per-epoch shuffle of the rows cost as much time as the SGD steps themselves.
            SgdKernels.Shuffle(blocks, random);
            double squaredError = Epoch(factors, ratings, blocks, rates, context.Cancellation);
            double loss = ratings.Length == 0 ? 0 : squaredError / ratings.Length;
            if (!double.IsFinite(loss))
            {
                throw new ModelFitException($"SVD diverged in epoch {epoch}: the training loss is {loss}. Lower LearningRate or BiasLearningRate.");
            }

            context.Progress?.Report(new EpochReport(epoch, options.Epochs, loss, clock.Elapsed));
        }

        factors.ClearUntrained(matrix);
        return factors;
    }

    // Fully optimised from the first call: a fit runs this loop once per process, before tiered JIT would promote it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Epoch(BiasedFactors factors, Rating[] ratings, int[] blocks, in SgdRates rates, CancellationToken cancellation)
    {
        double squaredError = 0;
        for (int n = 0; n < blocks.Length; n++)
        {
            // Every 65,536 ratings (a few milliseconds), so cancelling a fit on large data does not wait for the epoch.
            if ((n & 1023) == 1023)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            int start = blocks[n] * BlockSize;
            foreach (ref readonly var r in ratings.AsSpan(start, Math.Min(BlockSize, ratings.Length - start)))
            {
                float error = Step(factors, r.User, r.Item, r.Value, rates);
                squaredError += error * error;
            }
        }

        return squaredError;
    }

    /// <summary>One SGD step on rating r_ui (Koren et al. 2009, after eq. 5); returns the error e = r − r̂ before the step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float Step(BiasedFactors factors, int user, int item, float rating, in SgdRates rates)
    {
        var p = factors.UserRow(user);
        var q = factors.ItemRow(item);
        float[] userBias = factors.UserBias;
        float[] itemBias = factors.ItemBias;
        float error = rating - (factors.GlobalMean + userBias[user] + itemBias[item] + SgdKernels.Dot(p, q));
        userBias[user] += rates.BiasRate * (error - (rates.BiasWeight * userBias[user]));
        itemBias[item] += rates.BiasRate * (error - (rates.BiasWeight * itemBias[item]));
        SgdKernels.CoupledStep(p, q, 1f - (rates.Rate * rates.Weight), rates.Rate * error);
        return error;
    }
}
