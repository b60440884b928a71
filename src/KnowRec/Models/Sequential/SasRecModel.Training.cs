using System.Diagnostics;
using KnowRec.Data;
using KnowRec.Numerics;
using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using KnowRec.Training;

namespace KnowRec.Models.Sequential;

/// <content>Training (Section III-E) and the final encoding of every user's history.</content>
public sealed partial class SasRecModel
{
    // Users encoded together when computing the final states.
    private const int EncodeBatch = 256;

    /// <summary>Fits the model on <paramref name="train"/>; each user's rows are ordered by timestamp (row order breaks ties).</summary>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    public static SasRecModel Fit(Dataset train, SasRecOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new SasRecOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        var clock = Stopwatch.StartNew();
        var sequences = UserSequences.FromDataset(train);
        int items = train.Items.Count;
        var network = new SasRecNetwork(Math.Max(1, items), options, new System.Random(options.Seed));
        var tape = new Tape { Threads = Math.Max(1, Math.Min(context.Threads, Environment.ProcessorCount)) };

        // A user teaches the model only with at least one (input, next item) pair.
        int[] trainable = [.. Enumerable.Range(0, sequences.Users).Where(u => sequences.Of(u).Length >= 2)];
        if (trainable.Length > 0 && items >= 2)
        {
            var optimizer = new Adam(network.Parameters, options.LearningRate, beta2: 0.98f);
            var sampler = NegativeItemSampler.Uniform(items);
            var batch = new SequenceBatch(options.MaxLength);
            var arena = new TensorArena();
            long step = 0;
            for (int epoch = 0; epoch < options.Epochs; epoch++)
            {
                context.Cancellation.ThrowIfCancellationRequested();

                // One stream per epoch shuffles the users and draws the negatives, so an epoch depends only on the seed.
                var random = new SplitMix64(SplitMix64.Derive(options.Seed, epoch));
                Shuffle(trainable, ref random);
                double loss = 0;
                for (int start = 0; start < trainable.Length; start += options.BatchSize)
                {
                    var users = trainable.AsSpan(start, Math.Min(options.BatchSize, trainable.Length - start));
                    batch.Fill(users, sequences, train.Matrix, sampler, ref random);
                    optimizer.ZeroGrad();

                    // The step's tensors die with the scope, so the next step reuses their memory.
                    arena.Reset();
                    using (arena.Activate())
                    {
                        var features = network.Encode(tape, batch.Inputs, batch.Padding, users.Length, SplitMix64.Derive(options.Seed, -1 - step++));
                        var value = Loss(tape, network, features, batch);
                        tape.Backward(value);
                        loss += value.Data[0] * users.Length;
                    }

                    optimizer.Step();
                }

                loss /= trainable.Length;
                if (!double.IsFinite(loss))
                {
                    throw new ModelFitException($"SASRec diverged at epoch {epoch + 1}: the loss is {loss} (LearningRate {options.LearningRate}).");
                }

                context.Progress?.Report(new EpochReport(epoch + 1, options.Epochs, loss, clock.Elapsed));
            }
        }

        var states = EncodeUsers(network, sequences, tape);
        var embeddings = items == 0 ? [] : (float[])network.ItemEmbedding.Data.Clone();
        return new SasRecModel(train.Users, train.Items, train.Matrix, options, states, embeddings);
    }

    // −log σ(F_t·M_{o_t}) − log(1 − σ(F_t·M_{neg_t})) over the real slots (Section III-E), as the mean of each part. Every
    // slot is scored and the padded ones weighted 0, so a step's arrays have the same sizes batch after batch.
    private static Tensor Loss(Tape tape, SasRecNetwork network, Tensor features, SequenceBatch batch)
    {
        var positive = Ops.RowDot(tape, features, Ops.EmbeddingLookup(tape, network.ItemEmbedding, batch.Positives));
        var negative = Ops.RowDot(tape, features, Ops.EmbeddingLookup(tape, network.ItemEmbedding, batch.Negatives));
        return Ops.Add(
            tape,
            Ops.BinaryCrossEntropyWithLogits(tape, positive, batch.Ones, batch.Real),
            Ops.BinaryCrossEntropyWithLogits(tape, negative, batch.Zeros, batch.Real));
    }

    // Each user's state is the output at the last slot of the window holding their latest n training items.
    private static float[] EncodeUsers(SasRecNetwork network, UserSequences sequences, Tape tape)
    {
        int n = network.Options.MaxLength, d = network.Options.Factors;
        var states = new float[sequences.Users * d];
        int[] active = [.. Enumerable.Range(0, sequences.Users).Where(u => sequences.Of(u).Length > 0)];
        var inputs = new int[EncodeBatch * n];
        var padding = new bool[EncodeBatch * n];
        var arena = new TensorArena();
        for (int start = 0; start < active.Length; start += EncodeBatch)
        {
            int count = Math.Min(EncodeBatch, active.Length - start);
            for (int b = 0; b < count; b++)
            {
                SequenceBatch.Window(sequences.Of(active[start + b]), inputs.AsSpan(b * n, n), padding.AsSpan(b * n, n));
            }

            arena.Reset();
            using (arena.Activate())
            {
                var features = network.Encode(tape, inputs[..(count * n)], padding[..(count * n)], count, seed: null);
                tape.Clear();
                for (int b = 0; b < count; b++)
                {
                    features.Data.AsSpan((((b + 1) * n) - 1) * d, d).CopyTo(states.AsSpan(active[start + b] * d, d));
                }
            }
        }

        return states;
    }

    private static void Shuffle(int[] values, ref SplitMix64 random)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
