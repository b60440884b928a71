namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// Splits the features of a batch of sequences into attention heads: [B, L, h·d_h] → [B·h, L, d_h], where matrix
    /// b·h + j holds head j (features j·d_h to (j + 1)·d_h − 1) of sequence b.
    /// </summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">A rank-3 tensor [B, L, h·d_h].</param>
    /// <param name="heads">The number of heads h; must divide the last dimension.</param>
    /// <returns>A rank-3 tensor [B·h, L, d_h]; with one head, the input itself.</returns>
    public static Tensor SplitHeads(Tape tape, Tensor input, int heads)
    {
        CheckNotNull(tape, input);
        CheckHeads(input, heads, input.Columns, nameof(input));
        if (heads == 1)
        {
            return input;
        }

        int batch = input.Shape[0], length = input.Shape[1], width = input.Columns / heads;
        var output = Tensor.Zeros([batch * heads, length, width], input.RequiresGrad);
        PermuteHeads(input.Data, output.Data, batch, length, heads, width, toHeads: true, accumulate: false);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    PermuteHeads(g, input.EnsureGrad(), batch, length, heads, width, toHeads: false, accumulate: true);
                }
            });
        }

        return output;
    }

    /// <summary>The inverse of <see cref="SplitHeads"/>: [B·h, L, d_h] → [B, L, h·d_h], the heads' outputs side by side (the Concat of Vaswani et al. 2017, Section 3.2.2).</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">A rank-3 tensor [B·h, L, d_h].</param>
    /// <param name="heads">The number of heads h; must divide the first dimension.</param>
    /// <returns>A rank-3 tensor [B, L, h·d_h]; with one head, the input itself.</returns>
    public static Tensor MergeHeads(Tape tape, Tensor input, int heads)
    {
        CheckNotNull(tape, input);
        CheckHeads(input, heads, input.Shape[0], nameof(input));
        if (heads == 1)
        {
            return input;
        }

        int batch = input.Shape[0] / heads, length = input.Shape[1], width = input.Columns;
        var output = Tensor.Zeros([batch, length, heads * width], input.RequiresGrad);
        PermuteHeads(input.Data, output.Data, batch, length, heads, width, toHeads: false, accumulate: false);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    PermuteHeads(g, input.EnsureGrad(), batch, length, heads, width, toHeads: true, accumulate: true);
                }
            });
        }

        return output;
    }

    // Copies (or adds) between the sequence layout [B, L, h, d_h] and the head layout [B, h, L, d_h].
    private static void PermuteHeads(float[] source, float[] target, int batch, int length, int heads, int width, bool toHeads, bool accumulate)
    {
        for (int b = 0; b < batch; b++)
        {
            for (int j = 0; j < heads; j++)
            {
                for (int t = 0; t < length; t++)
                {
                    int sequenceAt = (((b * length) + t) * heads * width) + (j * width);
                    int headAt = (((b * heads) + j) * length * width) + (t * width);
                    var from = source.AsSpan(toHeads ? sequenceAt : headAt, width);
                    var to = target.AsSpan(toHeads ? headAt : sequenceAt, width);
                    if (accumulate)
                    {
                        AddInto(to, from);
                    }
                    else
                    {
                        from.CopyTo(to);
                    }
                }
            }
        }
    }

    private static void CheckHeads(Tensor input, int heads, int divided, string name)
    {
        if (input.Rank != 3)
        {
            throw new ArgumentException($"Head split and merge need a rank-3 tensor, not shape {input.ShapeText}.", name);
        }

        if (heads < 1 || divided % heads != 0)
        {
            throw new ArgumentException($"{heads} heads do not divide {divided} (shape {input.ShapeText}).", nameof(heads));
        }
    }
}
