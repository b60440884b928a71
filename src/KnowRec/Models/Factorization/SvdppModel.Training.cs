using System.Diagnostics;
using System.Runtime.CompilerServices;
using KnowRec.Data;
using KnowRec.Training;

namespace KnowRec.Models.Factorization;

/// <content>The SGD loop of <see cref="SvdppModel"/>, grouped by user so the implicit sum is built once per user pass.</content>
public sealed partial class SvdppModel
{
    private static (BiasedFactors Factors, float[] Implicit) Train(Dataset train, SvdppOptions options, TrainingContext context)
    {
        // One generator: factor start (p, q, then y) and every epoch's orders all follow from the seed.
        var random = new System.Random(options.Seed);
        int k = options.Factors;
        var factors = BiasedFactors.Initialise(train, k, options.InitStdDev, random);
        var implicitFactors = new float[train.Items.Count * k];
        SgdKernels.FillNormal(implicitFactors, options.InitStdDev, random);
        var matrix = train.Matrix;
        var starts = matrix.RowStarts;
        var ratings = Rating.AllOf(matrix);
        int[] users = [.. Enumerable.Range(0, matrix.Users).Where(u => matrix.CountOf(u) > 0)];
        var rates = new SgdRates(
            (float)options.LearningRate, (float)options.Regularization, (float)options.BiasLearningRate, (float)options.BiasRegularization,
            (float)options.ImplicitLearningRate, (float)options.ImplicitRegularization);
        var implicitSum = new float[k];
        var gradient = new float[k];
        var clock = Stopwatch.StartNew();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            SgdKernels.Shuffle(users, random);
            double squaredError = 0;
            for (int n = 0; n < users.Length; n++)
            {
                // Every 256 users, so cancelling a fit on large data does not wait for the epoch.
                if ((n & 255) == 255)
                {
                    context.Cancellation.ThrowIfCancellationRequested();
                }

                int u = users[n];
                // Each user's ratings are contiguous in CSR order, so shuffling them in place stays within a few cache lines.
                var own = ratings.AsSpan(starts[u], starts[u + 1] - starts[u]);
                SgdKernels.Shuffle(own, random);
                squaredError += UserPass(factors, implicitFactors, u, matrix.ItemsOf(u), own, rates, implicitSum, gradient);
            }

            double loss = ratings.Length == 0 ? 0 : squaredError / ratings.Length;
            if (!double.IsFinite(loss))
            {
                throw new ModelFitException($"SVD++ diverged in epoch {epoch}: the training loss is {loss}. Lower the learning rates.");
            }

            context.Progress?.Report(new EpochReport(epoch, options.Epochs, loss, clock.Elapsed));
        }

        factors.ClearUntrained(matrix);
        ClearUnrated(implicitFactors, matrix, k);
        return (factors, implicitFactors);
    }

    /// <summary>
    /// One user's pass (Koren 2008, eq. 15, in the order documented on <see cref="SvdppModel"/>); returns Σ e² of the
    /// user's ratings, each error taken before its step. <paramref name="implicitSum"/> and <paramref name="gradient"/> are scratch rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double UserPass(
        BiasedFactors factors, float[] implicitFactors, int user, ReadOnlySpan<int> implicitItems, ReadOnlySpan<Rating> ratings,
        in SgdRates rates, Span<float> implicitSum, Span<float> gradient)
    {
        int k = factors.Factors;
        ImplicitSum(implicitFactors, implicitItems, implicitSum);
        gradient.Clear();
        var p = factors.UserRow(user);
        float[] userBias = factors.UserBias;
        float[] itemBias = factors.ItemBias;
        float decay = 1f - (rates.Rate * rates.Weight);
        double squaredError = 0;
        foreach (ref readonly var r in ratings)
        {
            var q = factors.ItemRow(r.Item);
            float error = r.Value - (factors.GlobalMean + userBias[user] + itemBias[r.Item] + SgdKernels.DotSum(q, p, implicitSum));
            userBias[user] += rates.BiasRate * (error - (rates.BiasWeight * userBias[user]));
            itemBias[r.Item] += rates.BiasRate * (error - (rates.BiasWeight * itemBias[r.Item]));
            SgdKernels.ImplicitStep(p, q, implicitSum, gradient, decay, rates.Rate, error);
            squaredError += error * error;
        }

        // (1 − γλ)^n is the decay n per-rating steps would apply; unlike 1 − nγλ it stays positive for heavy users.
        float implicitDecay = MathF.Pow(1f - (rates.ImplicitRate * rates.ImplicitWeight), ratings.Length);
        float implicitStep = rates.ImplicitRate / MathF.Sqrt(implicitItems.Length);
        foreach (int j in implicitItems)
        {
            SgdKernels.ScaleAdd(implicitFactors.AsSpan(j * k, k), implicitDecay, gradient, implicitStep);
        }

        return squaredError;
    }

    /// <summary>Writes |N|^−½ Σ_{j∈N} y_j into <paramref name="sum"/> (zero for an empty N).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ImplicitSum(float[] implicitFactors, ReadOnlySpan<int> items, Span<float> sum)
    {
        int k = sum.Length;
        sum.Clear();
        foreach (int j in items)
        {
            SgdKernels.AddTo(sum, implicitFactors.AsSpan(j * k, k));
        }

        if (items.Length > 0)
        {
            SgdKernels.ScaleAdd(sum, 1f / MathF.Sqrt(items.Length), sum, 0f);
        }
    }

    // y_j of an item nobody rated never enters a prediction; zeroing it keeps the stored model free of random start values.
    private static void ClearUnrated(float[] implicitFactors, InteractionMatrix train, int k)
    {
        var rated = new bool[train.Items];
        foreach (int i in train.Columns)
        {
            rated[i] = true;
        }

        for (int i = 0; i < rated.Length; i++)
        {
            if (!rated[i])
            {
                implicitFactors.AsSpan(i * k, k).Clear();
            }
        }
    }
}
