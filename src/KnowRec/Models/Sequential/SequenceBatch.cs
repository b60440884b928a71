using KnowRec.Data;
using KnowRec.Numerics;
using KnowRec.Training;

namespace KnowRec.Models.Sequential;

/// <summary>One mini-batch of SASRec training windows: per slot its input item, the next item and a sampled negative.</summary>
/// <param name="length">Slots per window, n.</param>
internal sealed class SequenceBatch(int length)
{
    /// <summary>Item index per slot, users × n, right-aligned; 0 in padded slots (which are masked).</summary>
    public int[] Inputs { get; private set; } = [];

    /// <summary>True for padded slots, users × n.</summary>
    public bool[] Padding { get; private set; } = [];

    /// <summary>1 for real slots and 0 for padded ones: the loss weights.</summary>
    public float[] Real { get; private set; } = [];

    /// <summary>The next item o_t of each slot (0 in padded slots).</summary>
    public int[] Positives { get; private set; } = [];

    /// <summary>An item the user never had, drawn uniformly, per real slot (0 in padded slots).</summary>
    public int[] Negatives { get; private set; } = [];

    /// <summary>Targets of the positives: all ones.</summary>
    public float[] Ones { get; private set; } = [];

    /// <summary>Targets of the negatives: all zeros.</summary>
    public float[] Zeros { get; private set; } = [];

    /// <summary>
    /// Builds the windows of <paramref name="users"/>: the inputs are a user's items s_1..s_{m−1} and the targets
    /// s_2..s_m, both cut to their last n and right-aligned (the authors' sampler).
    /// </summary>
    public void Fill(ReadOnlySpan<int> users, UserSequences sequences, InteractionMatrix seen, NegativeItemSampler sampler, ref SplitMix64 random)
    {
        int n = length, slots = users.Length * n;
        if (Inputs.Length != slots)
        {
            Inputs = new int[slots];
            Padding = new bool[slots];
            Real = new float[slots];
            Positives = new int[slots];
            Negatives = new int[slots];
            Ones = [.. Enumerable.Repeat(1f, slots)];
            Zeros = new float[slots];
        }

        Positives.AsSpan().Clear();
        Negatives.AsSpan().Clear();
        for (int b = 0; b < users.Length; b++)
        {
            var history = sequences.Of(users[b]);
            Window(history[..^1], Inputs.AsSpan(b * n, n), Padding.AsSpan(b * n, n));
            var targets = history[^Math.Min(n, history.Length - 1)..];
            var had = seen.ItemsOf(users[b]);
            int first = (b * n) + n - targets.Length;
            Real.AsSpan(b * n, n).Clear();
            Real.AsSpan(first, targets.Length).Fill(1f);
            for (int j = 0; j < targets.Length; j++)
            {
                Positives[first + j] = targets[j];
                Negatives[first + j] = sampler.DrawUnseen(ref random, had);
            }
        }
    }

    /// <summary>Writes the last n items of <paramref name="history"/> right-aligned into a window of n slots.</summary>
    public static void Window(ReadOnlySpan<int> history, Span<int> inputs, Span<bool> padding)
    {
        int n = inputs.Length, kept = Math.Min(n, history.Length);
        inputs[..(n - kept)].Clear();
        padding[..(n - kept)].Fill(true);
        history[^kept..].CopyTo(inputs[(n - kept)..]);
        padding[(n - kept)..].Clear();
    }
}
