using KnowRec.Data;
using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using KnowRec.Training;

namespace KnowRec.Models.Neural;

/// <summary>The options of a sampled-negative fit that <see cref="SampledTrainer"/> reads.</summary>
internal readonly record struct SampledSchedule(int Epochs, int BatchSize, float LearningRate, float WeightDecay, int Negatives, int NegativeCandidates, int Seed);

/// <summary>
/// Mini-batch training over sampled unseen items, shared by <c>ncf</c> and <c>bilinear</c>: each epoch draws its
/// examples afresh from the seed and the epoch number (<see cref="ExampleSampler"/>), replaces each negative by the
/// best-scoring of several unseen draws (<see cref="HardNegatives"/>), and takes one Adam step per batch, in
/// <see cref="EpochLoop"/>. A model supplies only its forward pass.
/// </summary>
internal static class SampledTrainer
{
    /// <summary>Logits [batch, 1] of the (user, item) pairs.</summary>
    public delegate Tensor PairLogits(Tape tape, int[] users, int[] items);

    /// <summary>x_ui − x_uj [batch, 1] for users u, positives i and negatives j.</summary>
    public delegate Tensor PairDifference(Tape tape, int[] users, int[] positives, int[] negatives);

    /// <summary>
    /// Pointwise log loss over every positive and <see cref="SampledSchedule.Negatives"/> unseen items per positive
    /// (He et al. 2017, eq. 7): −Σ y log σ(x) + (1 − y) log(1 − σ(x)), averaged per batch.
    /// </summary>
    public static TrainingResult Pointwise(InteractionMatrix matrix, IReadOnlyList<Tensor> parameters, SampledSchedule schedule, PairLogits logits, TrainingContext context, Action<EpochReport>? afterEpoch, EpochValidation? validation)
    {
        var (tape, adam, sampler, owners, score) = Setup(matrix, parameters, schedule, logits, context);
        return EpochLoop.Run(schedule.Epochs, context, epoch =>
        {
            var (users, items, labels) = ExampleSampler.Pointwise(matrix, owners, sampler, schedule.Negatives, SplitMix64.Derive(schedule.Seed, epoch));
            var random = new SplitMix64(SplitMix64.Derive(schedule.Seed, -1 - epoch));
            double total = 0;
            foreach (var (start, count) in EpochLoop.Batches(users.Length, schedule.BatchSize))
            {
                context.Cancellation.ThrowIfCancellationRequested();
                int[] batchUsers = users[start..(start + count)], batchItems = items[start..(start + count)];
                float[] batchLabels = labels[start..(start + count)];
                HardNegatives.Harden(batchUsers, batchItems, k => batchLabels[k] == 0f, schedule.NegativeCandidates, matrix, sampler, ref random, score);
                var loss = Ops.BinaryCrossEntropyWithLogits(tape, logits(tape, batchUsers, batchItems), Tensor.FromArray(batchLabels, [count, 1]));
                total += Step(tape, adam, loss) * count;
            }

            return total / users.Length;
        }, afterEpoch, validation);
    }

    /// <summary>
    /// BPR (Rendle et al. 2009, eq. 4): −ln σ(x_ui − x_uj) for every positive (u, i) and
    /// <see cref="SampledSchedule.Negatives"/> unseen items j, averaged per batch.
    /// </summary>
    public static TrainingResult Pairwise(InteractionMatrix matrix, IReadOnlyList<Tensor> parameters, SampledSchedule schedule, PairDifference difference, PairLogits logits, TrainingContext context, Action<EpochReport>? afterEpoch, EpochValidation? validation)
    {
        var (tape, adam, sampler, owners, score) = Setup(matrix, parameters, schedule, logits, context);
        return EpochLoop.Run(schedule.Epochs, context, epoch =>
        {
            var (users, positives, negatives) = ExampleSampler.Pairwise(matrix, owners, sampler, schedule.Negatives, SplitMix64.Derive(schedule.Seed, epoch));
            var random = new SplitMix64(SplitMix64.Derive(schedule.Seed, -1 - epoch));
            double total = 0;
            foreach (var (start, count) in EpochLoop.Batches(users.Length, schedule.BatchSize))
            {
                context.Cancellation.ThrowIfCancellationRequested();
                int[] batchUsers = users[start..(start + count)], batchNegatives = negatives[start..(start + count)];
                HardNegatives.Harden(batchUsers, batchNegatives, _ => true, schedule.NegativeCandidates, matrix, sampler, ref random, score);

                // −ln σ(x_ui − x_uj) is the log loss of the difference against label 1.
                var gap = difference(tape, batchUsers, positives[start..(start + count)], batchNegatives);
                var ones = Tensor.Zeros([count, 1]);
                Array.Fill(ones.Data, 1f);
                total += Step(tape, adam, Ops.BinaryCrossEntropyWithLogits(tape, gap, ones)) * count;
            }

            return total / users.Length;
        }, afterEpoch, validation);
    }

    // What every epoch of either loss uses: the tape, Adam, the unseen-item sampler, each entry's user and the scorer.
    private static (Tape Tape, Adam Adam, NegativeItemSampler Sampler, int[] Owners, Func<int[], int[], float[]> Score) Setup(
        InteractionMatrix matrix, IReadOnlyList<Tensor> parameters, SampledSchedule schedule, PairLogits logits, TrainingContext context)
    {
        var tape = new Tape { Threads = EpochLoop.Threads(context) };
        var adam = new Adam(parameters, schedule.LearningRate, weightDecay: schedule.WeightDecay);
        return (tape, adam, NegativeItemSampler.Uniform(matrix.Items), ExampleSampler.Owners(matrix), Scorer(logits, tape.Threads));
    }

    // Candidate scores for dynamic negative sampling come from a forward pass on a tape of its own that is never differentiated.
    private static Func<int[], int[], float[]> Scorer(PairLogits logits, int threads)
    {
        var scoring = new Tape { Threads = threads };
        return (users, items) =>
        {
            var result = logits(scoring, users, items);
            scoring.Clear();
            return result.Data;
        };
    }

    private static double Step(Tape tape, Adam adam, Tensor loss)
    {
        adam.ZeroGrad();
        tape.Backward(loss);
        adam.Step();
        return loss.Data[0];
    }
}
