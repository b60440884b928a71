using System.Numerics.Tensors;

namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>Joins tensors along the last dimension: each output row is the inputs' rows side by side, in argument order.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="inputs">One or more tensors of the same rank whose dimensions agree except the last, e.g. [B, d₁] and [B, d₂].</param>
    /// <returns>The common leading dimensions followed by Σ of the last dimensions, e.g. [B, d₁ + d₂].</returns>
    /// <exception cref="ArgumentException">No inputs, or ranks or leading dimensions differ.</exception>
    /// <remarks>The backward step hands each input its own column range of the output gradient.</remarks>
    public static Tensor Concat(Tape tape, params Tensor[] inputs)
    {
        CheckInputs(tape, inputs);
        var first = inputs[0];
        int total = 0;
        foreach (var input in inputs)
        {
            if (input.Rank != first.Rank || !input.Shape[..^1].SequenceEqual(first.Shape[..^1]))
            {
                throw new ArgumentException($"Cannot join {first.ShapeText} and {input.ShapeText} along the last dimension: the other dimensions differ.", nameof(inputs));
            }

            total += input.Columns;
        }

        int[] shape = first.Shape.ToArray();
        shape[^1] = total;
        var parts = (Tensor[])inputs.Clone();
        var output = Tensor.Zeros(shape, parts.Any(p => p.RequiresGrad));
        int rows = first.Rows, threads = tape.Threads;
        var od = output.Data;
        ForRows(threads, rows, total, (s, e) =>
        {
            for (int r = s; r < e; r++)
            {
                int offset = r * total;
                foreach (var part in parts)
                {
                    int c = part.Columns;
                    part.Data.AsSpan(r * c, c).CopyTo(od.AsSpan(offset, c));
                    offset += c;
                }
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

                var grads = parts.Select(p => p.RequiresGrad ? p.EnsureGrad() : null).ToArray();
                ForRows(threads, rows, total, (s, e) =>
                {
                    for (int r = s; r < e; r++)
                    {
                        int offset = r * total;
                        for (int k = 0; k < parts.Length; k++)
                        {
                            int c = parts[k].Columns;
                            if (grads[k] is { } gk)
                            {
                                AddInto(gk.AsSpan(r * c, c), g.AsSpan(offset, c));
                            }

                            offset += c;
                        }
                    }
                });
            });
        }

        return output;
    }

    /// <summary>Joins tensors along the first dimension (stacks the rows of matrices), in argument order.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="inputs">One or more tensors of the same rank whose dimensions agree except the first, e.g. [n₁, d] and [n₂, d].</param>
    /// <returns>Σ of the first dimensions followed by the common other dimensions, e.g. [n₁ + n₂, d]; for vectors, one longer vector.</returns>
    /// <exception cref="ArgumentException">No inputs, or ranks or trailing dimensions differ.</exception>
    public static Tensor ConcatRows(Tape tape, params Tensor[] inputs)
    {
        CheckInputs(tape, inputs);
        var first = inputs[0];
        int total = 0;
        foreach (var input in inputs)
        {
            if (input.Rank != first.Rank || !input.Shape[1..].SequenceEqual(first.Shape[1..]))
            {
                throw new ArgumentException($"Cannot join {first.ShapeText} and {input.ShapeText} along the first dimension: the other dimensions differ.", nameof(inputs));
            }

            total += input.Shape[0];
        }

        int[] shape = first.Shape.ToArray();
        shape[0] = total;
        var parts = (Tensor[])inputs.Clone();
        var output = Tensor.Zeros(shape, parts.Any(p => p.RequiresGrad));
        int offset = 0;
        foreach (var part in parts)
        {
            part.Data.CopyTo(output.Data, offset);
            offset += part.Length;
        }

        if (output.RequiresGrad)
        {
            int threads = tape.Threads;
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                int start = 0;
                foreach (var part in parts)
                {
                    if (part.RequiresGrad)
                    {
                        var gp = part.EnsureGrad();
                        int from = start;
                        ForElements(threads, part.Length, (s, e) => AddInto(gp.AsSpan(s..e), g.AsSpan((from + s)..(from + e))));
                    }

                    start += part.Length;
                }
            });
        }

        return output;
    }

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

    private static void CheckInputs(Tape tape, Tensor[] inputs)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length == 0)
        {
            throw new ArgumentException("At least one tensor is needed.", nameof(inputs));
        }

        foreach (var input in inputs)
        {
            ArgumentNullException.ThrowIfNull(input, nameof(inputs));
        }
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
