namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>A column range of the last dimension: output[..., j] = input[..., start + j] for j in [0, length).</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Tensor to slice.</param>
    /// <param name="start">First column kept, in [0, input.Columns].</param>
    /// <param name="length">Columns kept, with start + length ≤ input.Columns; 0 gives an empty tensor.</param>
    /// <returns>The input's shape with the last dimension replaced by <paramref name="length"/>; a copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range does not lie inside the last dimension.</exception>
    public static Tensor Slice(Tape tape, Tensor input, int start, int length)
    {
        CheckNotNull(tape, input);
        int columns = input.Columns;
        CheckRange(start, length, columns, "columns", nameof(length));
        int[] shape = input.Shape.ToArray();
        shape[^1] = length;
        var output = Tensor.Zeros(shape, input.RequiresGrad);
        int rows = input.Rows, threads = tape.Threads;
        var x = input.Data;
        var y = output.Data;
        ForRows(threads, rows, length, (s, e) =>
        {
            for (int r = s; r < e; r++)
            {
                x.AsSpan((r * columns) + start, length).CopyTo(y.AsSpan(r * length, length));
            }
        });

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                var gi = input.EnsureGrad();
                ForRows(threads, rows, length, (s, e) =>
                {
                    for (int r = s; r < e; r++)
                    {
                        AddInto(gi.AsSpan((r * columns) + start, length), g.AsSpan(r * length, length));
                    }
                });
            });
        }

        return output;
    }

    /// <summary>A range of the first dimension (rows of a matrix, sequences of a batch [B, L, d]): output[i, ...] = input[start + i, ...].</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Tensor to slice; a vector is sliced element-wise.</param>
    /// <param name="start">First index kept, in [0, input.Shape[0]].</param>
    /// <param name="count">Indices kept, with start + count ≤ input.Shape[0]; 0 gives an empty tensor.</param>
    /// <returns>The input's shape with the first dimension replaced by <paramref name="count"/>; a copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range does not lie inside the first dimension.</exception>
    public static Tensor SliceRows(Tape tape, Tensor input, int start, int count)
    {
        CheckNotNull(tape, input);
        int first = input.Shape[0];
        CheckRange(start, count, first, "entries of the first dimension", nameof(count));
        int[] shape = input.Shape.ToArray();
        shape[0] = count;
        var output = Tensor.Zeros(shape, input.RequiresGrad);

        // The elements after the first index: one block per index, so the slice is one contiguous run.
        int inner = first == 0 ? 0 : input.Length / first, offset = start * inner;
        input.Data.AsSpan(offset, output.Length).CopyTo(output.Data);
        if (output.RequiresGrad)
        {
            int threads = tape.Threads;
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    var gi = input.EnsureGrad();
                    ForElements(threads, g.Length, (s, e) => AddInto(gi.AsSpan((offset + s)..(offset + e)), g.AsSpan(s..e)));
                }
            });
        }

        return output;
    }

    private static void CheckRange(int start, int length, int size, string what, string lengthName)
    {
        if (start < 0 || start > size)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Start must lie in [0, {size}] for {size} {what}.");
        }

        if (length < 0 || length > size - start)
        {
            throw new ArgumentOutOfRangeException(lengthName, length, $"Length must lie in [0, {size - start}] from start {start} of {size} {what}.");
        }
    }
}
