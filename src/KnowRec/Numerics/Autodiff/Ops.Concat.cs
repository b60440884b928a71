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
}
