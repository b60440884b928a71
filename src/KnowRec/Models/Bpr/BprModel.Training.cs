using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using KnowRec.Data;
using KnowRec.Models.Als;
using KnowRec.Numerics;
using KnowRec.Training;

namespace KnowRec.Models.Bpr;

/// <content>LearnBPR (Rendle et al. 2009, Fig. 4): stochastic gradient ascent on BPR-Opt over sampled triples.</content>
public sealed partial class BprModel
{
    /// <summary>Fits the model on <paramref name="train"/>.</summary>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    public static BprModel Fit(Dataset train, BprOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new BprOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        var clock = Stopwatch.StartNew();
        var matrix = train.Matrix;
        int stride = FactorKernels.Stride(options.Factors);
        var init = new SplitMix64((ulong)(uint)options.Seed);
        var userFactors = Initial(ref init, matrix.Users, options.Factors, stride);
        var itemFactors = Initial(ref init, matrix.Items, options.Factors, stride);
        var itemBiases = new float[matrix.Items];
        var model = new BprModel(train.Users, train.Items, matrix, options, userFactors, itemFactors, itemBiases);
        if (matrix.NonZeros == 0 || matrix.Items < 2)
        {
            return model;
        }


        // Owner of every stored entry, so a uniform entry index gives a uniform (u, i) pair.
        var owners = new int[matrix.NonZeros];
        var starts = matrix.RowStarts;
        for (int u = 0; u < matrix.Users; u++)
        {
            owners.AsSpan(starts[u], starts[u + 1] - starts[u]).Fill(u);
        }

        int threads = Math.Max(1, Math.Min(context.Threads, Environment.ProcessorCount));
        long total = (long)options.Epochs * matrix.NonZeros;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var losses = new double[threads];
            int e = epoch;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                // Each (epoch, thread) has its own stream, so one thread's draws never depend on another's.
                var random = new SplitMix64(((ulong)(uint)options.Seed << 32) ^ ((ulong)e * 0x9E3779B97F4A7C15UL) ^ ((ulong)t * 0xD1B54A32D192ED03UL) ^ 0x5851F42D4C957F2DUL);
                int from = (int)((long)matrix.NonZeros * t / threads);
                int to = (int)((long)matrix.NonZeros * (t + 1) / threads);
                losses[t] = model.RunSamples(ref random, owners, to - from, (long)e * matrix.NonZeros + from, total);
            });
            double loss = losses.Sum() / matrix.NonZeros;
            if (!double.IsFinite(loss))
            {
                throw new ModelFitException($"BPR diverged at epoch {epoch + 1}: the loss is {loss} (LearningRate {options.LearningRate}).");
            }

            context.Progress?.Report(new EpochReport(epoch + 1, options.Epochs, loss, clock.Elapsed));
        }

        // A user without history was never sampled, so their factors are still the random start: zero them, so such
        // a user gets the item-bias ranking (BPR's popularity-like prior) instead of noise.
        for (int u = 0; u < matrix.Users; u++)
        {
            if (matrix.CountOf(u) == 0)
            {
                userFactors.AsSpan(u * stride, stride).Clear();
            }
        }

        // The scoring copy of the item factors is taken at construction, so the trained arrays get a fresh model.
        return new BprModel(train.Users, train.Items, matrix, options, userFactors, itemFactors, itemBiases);
    }

    /// <summary>
    /// One SGD step on the triple (u, i, j) with step <paramref name="rate"/>: every parameter moves by rate · ∂/∂θ of
    /// ln σ(x̂_uij) − λ/2‖x_u‖² − λ/2‖y_i‖² − λ/2‖y_j‖² − λ_b/2 (b_i² + b_j²). Returns −ln σ(x̂_uij) before the step.
    /// </summary>
    internal float Step(int user, int positive, int negative, float rate)
    {
        var x = _userFactors.AsSpan(user * _stride, _stride);
        var yi = _itemFactors.AsSpan(positive * _stride, _stride);
        var yj = _itemFactors.AsSpan(negative * _stride, _stride);
        float difference = FactorKernels.Dot(x, yi) - FactorKernels.Dot(x, yj) + _itemBiases[positive] - _itemBiases[negative];

        // ∂ ln σ(z)/∂z = σ(−z); z is clamped so exp cannot overflow.
        float z = Math.Clamp(difference, -30f, 30f);
        float g = 1f / (1f + MathF.Exp(z));
        float lambda = Options.Regularization;
        _itemBiases[positive] += rate * (g - (Options.BiasRegularization * _itemBiases[positive]));
        _itemBiases[negative] += rate * (-g - (Options.BiasRegularization * _itemBiases[negative]));

        // Simultaneous update (every gradient is taken at the parameters before the step): Δx is computed from the old
        // y_i, y_j and the item rows from the old x.
        float decay = 1f - (rate * lambda);
        ref float rx = ref MemoryMarshal.GetReference(x);
        ref float ri = ref MemoryMarshal.GetReference(yi);
        ref float rj = ref MemoryMarshal.GetReference(yj);
        var step = Vector256.Create(rate * g);
        var keep = Vector256.Create(decay);
        for (int k = 0; k < _stride; k += 8)
        {
            var vx = Vector256.LoadUnsafe(ref rx, (nuint)k);
            var vi = Vector256.LoadUnsafe(ref ri, (nuint)k);
            var vj = Vector256.LoadUnsafe(ref rj, (nuint)k);
            Vector256.FusedMultiplyAdd(step, vi - vj, vx * keep).StoreUnsafe(ref rx, (nuint)k);
            Vector256.FusedMultiplyAdd(step, vx, vi * keep).StoreUnsafe(ref ri, (nuint)k);
            Vector256.FusedMultiplyAdd(-step, vx, vj * keep).StoreUnsafe(ref rj, (nuint)k);
        }

        return MathF.Log(1f + MathF.Exp(-z));
    }

    // Draws `count` triples; the step size depends only on the global sample number, so it is the same for any threads.
    private double RunSamples(ref SplitMix64 random, int[] owners, int count, long first, long total)
    {
        var matrix = Seen;
        var columns = matrix.Columns;
        int items = matrix.Items;
        double loss = 0;
        for (int s = 0; s < count; s++)
        {
            int entry = random.NextInt(owners.Length);
            int user = owners[entry];
            var seen = matrix.ItemsOf(user);
            if (seen.Length == items)
            {
                continue;
            }

            int negative = Negative(ref random, user, seen, items);
            float rate = Options.LearningRate * (1f - ((float)(first + s) / total));
            loss += Step(user, columns[entry], negative, rate);
        }

        return loss;
    }

    // Uniform unseen item, or the best-scoring of several such draws (dynamic negative sampling).
    private int Negative(ref SplitMix64 random, int user, ReadOnlySpan<int> seen, int items)
    {
        int best = -1;
        float bestScore = float.NegativeInfinity;
        var x = _userFactors.AsSpan(user * _stride, _stride);
        for (int c = 0; c < Options.NegativeCandidates; c++)
        {
            int j;
            do
            {
                j = random.NextInt(items);
            }
            while (seen.BinarySearch(j) >= 0);

            if (Options.NegativeCandidates == 1)
            {
                return j;
            }

            float score = FactorKernels.Dot(x, _itemFactors.AsSpan(j * _stride, _stride)) + _itemBiases[j];
            if (score > bestScore)
            {
                best = j;
                bestScore = score;
            }
        }

        return best;
    }

    // Small centred values as in implicit's BPR: (U(0,1) − 0.5) / k keeps initial scores near 0, so σ starts near ½.
    private static float[] Initial(ref SplitMix64 random, int rows, int factors, int stride)
    {
        var values = new float[rows * stride];
        for (int r = 0; r < rows; r++)
        {
            for (int f = 0; f < factors; f++)
            {
                values[(r * stride) + f] = (random.NextSingle() - 0.5f) / factors;
            }
        }

        return values;
    }
}
