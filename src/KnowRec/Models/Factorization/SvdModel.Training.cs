using System.Diagnostics;
using System.Numerics.Tensors;
using KnowRec.Data;
using KnowRec.Training;

namespace KnowRec.Models.Factorization;

/// <content>The SGD loop of <see cref="SvdModel"/>.</content>
public sealed partial class SvdModel
{
    private static BiasedFactors Train(Dataset train, SvdOptions options, TrainingContext context)
    {
        // One generator, used first for the factor start and then for every epoch's order: the seed fixes both.
        var random = new System.Random(options.Seed);
        var factors = BiasedFactors.Initialise(train, options.Factors, options.InitStdDev, random);
        var matrix = train.Matrix;
        var columns = matrix.Columns;
        var values = matrix.Values;
        int[] rowOf = RowOfEntry(matrix);
        int[] order = new int[rowOf.Length];
        for (int k = 0; k < order.Length; k++)
        {
            order[k] = k;
        }

        var rates = new SgdRates((float)options.LearningRate, (float)options.Regularization, (float)options.BiasLearningRate, (float)options.BiasRegularization);
        var clock = Stopwatch.StartNew();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            context.Cancellation.ThrowIfCancellationRequested();

            // A fresh shuffle each epoch keeps one user's or item's ratings from arriving in a run that drags its factors.
            FactorKernels.Shuffle(order, random);
            double squaredError = 0;
            foreach (int at in order)
            {
                float error = Step(factors, rowOf[at], columns[at], values[at], rates);
                squaredError += error * error;
            }

            double loss = order.Length == 0 ? 0 : squaredError / order.Length;
            if (!double.IsFinite(loss))
            {
                throw new ModelFitException($"SVD diverged in epoch {epoch}: the training loss is {loss}. Lower LearningRate or BiasLearningRate.");
            }

            context.Progress?.Report(new EpochReport(epoch, options.Epochs, loss, clock.Elapsed));
        }

        factors.ClearUntrained(matrix);
        return factors;
    }

    /// <summary>One SGD step on rating r_ui (Koren et al. 2009, after eq. 5); returns the error e = r − r̂ before the step.</summary>
    internal static float Step(BiasedFactors factors, int user, int item, float rating, in SgdRates rates)
    {
        var p = factors.UserRow(user);
        var q = factors.ItemRow(item);
        float[] userBias = factors.UserBias;
        float[] itemBias = factors.ItemBias;
        float error = rating - (factors.GlobalMean + userBias[user] + itemBias[item] + TensorPrimitives.Dot<float>(p, q));
        userBias[user] += rates.BiasRate * (error - (rates.BiasWeight * userBias[user]));
        itemBias[item] += rates.BiasRate * (error - (rates.BiasWeight * itemBias[item]));
        FactorKernels.CoupledStep(p, q, 1f - (rates.Rate * rates.Weight), rates.Rate * error);
        return error;
    }

    /// <summary>The user (row) of every stored entry of <paramref name="matrix"/>, in CSR order.</summary>
    internal static int[] RowOfEntry(InteractionMatrix matrix)
    {
        var starts = matrix.RowStarts;
        var rowOf = new int[matrix.NonZeros];
        for (int u = 0; u < matrix.Users; u++)
        {
            rowOf.AsSpan(starts[u], starts[u + 1] - starts[u]).Fill(u);
        }

        return rowOf;
    }
}
