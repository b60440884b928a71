using KnowRec.Data;
using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using KnowRec.Training;

namespace KnowRec.Models.Neural;

/// <summary>The options of a two-tower fit that <see cref="TowerTrainer"/> reads.</summary>
internal readonly record struct TowerSchedule(int Epochs, int BatchSize, float LearningRate, float WeightDecay, int Negatives, bool LogQCorrection, float IdDropout, int Seed)
{
    public static TowerSchedule Of(TwoTowerOptions options) =>
        new(options.Epochs, options.BatchSize, options.LearningRate, options.WeightDecay, options.Negatives, options.LogQCorrection, options.IdDropout, options.Seed);
}

/// <summary>
/// Sampled-softmax training of any pair of towers (<c>two-tower</c>, <c>hybrid</c>, <c>kar</c>): for each positive (u, i)
/// of a mini-batch the softmax runs over i, the other rows' items and uniformly drawn items shared by the batch, with
/// log Q correction (Yi et al. 2019, eq. 3) and accidental hits left out; ids are dropped out to the "no id" row.
/// </summary>
/// <remarks>
/// A model supplies each tower's forward pass over (id rows after dropout, true indices): the id row is the tower's
/// "no id" row where dropout hit, and the index still names the user or item, so features of that row can be read.
/// One seeded stream per epoch: results do not depend on threads.
/// </remarks>
internal sealed class TowerTrainer(InteractionMatrix matrix, TowerSchedule schedule, IReadOnlyList<Tensor> parameters, TowerTrainer.Pass users, int userUnknown, TowerTrainer.Pass items, int itemUnknown, int[] itemCounts)
{
    // A logit this low takes a candidate out of a row's softmax (exp underflows to 0) without special cases.
    private const float LeftOut = -1e9f;

    /// <summary>A tower's outputs [batch, d] for id rows (after dropout) and the rows' true indices.</summary>
    public delegate Tensor Pass(Tape tape, int[] idRows, int[] indices);

    public void Run(TrainingContext context, Action<EpochReport>? afterEpoch, EpochValidation? validation)
    {
        var tape = new Tape { Threads = EpochLoop.Threads(context) };
        var adam = new Adam(parameters, schedule.LearningRate, weightDecay: schedule.WeightDecay);
        var owners = ExampleSampler.Owners(matrix);
        EpochLoop.Run(schedule.Epochs, context, epoch =>
        {
            var random = new SplitMix64(SplitMix64.Derive(schedule.Seed, epoch));
            var order = ExampleSampler.Permutation(matrix.NonZeros, ref random);
            double total = 0;
            foreach (var (start, count) in EpochLoop.Batches(order.Length, schedule.BatchSize))
            {
                context.Cancellation.ThrowIfCancellationRequested();
                var loss = Loss(tape, order.AsSpan(start, count), owners, ref random);
                adam.ZeroGrad();
                tape.Backward(loss);
                adam.Step();
                total += (double)loss.Data[0] * count;
            }

            return total / order.Length;
        }, afterEpoch, validation);
    }

    // −(1/B) Σ_r log softmax_r(s(u_r, ·) − log Q)[i_r] over the candidates [i_1 … i_B, j_1 … j_M].
    private Tensor Loss(Tape tape, ReadOnlySpan<int> entries, int[] owners, ref SplitMix64 random)
    {
        int rows = entries.Length, width = rows + schedule.Negatives;
        var batchUsers = new int[rows];
        var candidates = new int[width];
        var columns = matrix.Columns;
        for (int r = 0; r < rows; r++)
        {
            batchUsers[r] = owners[entries[r]];
            candidates[r] = columns[entries[r]];
        }

        for (int c = rows; c < width; c++)
        {
            candidates[c] = random.NextInt(matrix.Items);
        }

        var userVectors = users(tape, Dropout(batchUsers, userUnknown, ref random), batchUsers);
        var itemVectors = items(tape, Dropout(candidates, itemUnknown, ref random), candidates);
        var logits = CandidateScores.Compute(tape, userVectors, itemVectors);

        // Row r's own item is candidate r.
        return SampledSoftmaxLoss.Compute(tape, logits, Adjustment(batchUsers, candidates), [.. Enumerable.Range(0, rows)]);
    }

    // −log Q(c) per candidate column, and LeftOut where a column is the row's own item again or another positive of
    // the row's user from this batch (so no row is told that one of its positives is a negative).
    private float[] Adjustment(int[] batchUsers, int[] candidates)
    {
        int rows = batchUsers.Length, width = candidates.Length;
        var correction = new float[width];
        if (schedule.LogQCorrection)
        {
            // Expected occurrences among the candidates: rows × the item's share of positives, plus the uniform draws.
            double share = (double)rows / matrix.NonZeros, uniform = (double)schedule.Negatives / matrix.Items;
            for (int c = 0; c < width; c++)
            {
                correction[c] = (float)-Math.Log((share * itemCounts[candidates[c]]) + uniform);
            }
        }

        var values = new float[rows * width];
        for (int r = 0; r < rows; r++)
        {
            var row = values.AsSpan(r * width, width);
            correction.CopyTo(row);
            for (int c = 0; c < width; c++)
            {
                if (c != r && (candidates[c] == candidates[r] || (c < rows && batchUsers[c] == batchUsers[r])))
                {
                    row[c] = LeftOut;
                }
            }
        }

        return values;
    }

    private int[] Dropout(int[] ids, int unknown, ref SplitMix64 random)
    {
        var result = (int[])ids.Clone();
        if (schedule.IdDropout > 0)
        {
            for (int k = 0; k < result.Length; k++)
            {
                if (random.NextSingle() < schedule.IdDropout)
                {
                    result[k] = unknown;
                }
            }
        }

        return result;
    }
}
