using System.Numerics.Tensors;

namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>Selects rows by index: output[r, :] = input[indices[r], :], reading the input as <see cref="Tensor.Rows"/> × <see cref="Tensor.Columns"/>.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Any tensor, e.g. an intermediate [B, L, d] read as B·L rows of d.</param>
    /// <param name="indices">Row indices, each in [0, input.Rows); repeats are allowed; may be empty.</param>
    /// <returns>An indices.Length × input.Columns matrix.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index lies outside the input's rows.</exception>
    /// <remarks>
    /// The backward step is a scatter-add, the transpose of the gather: d input[indices[r]] += d output[r], summed when
    /// an index repeats. A tensor with <see cref="Tensor.EnableSparseGradient"/> records only the rows it receives.
    /// <see cref="EmbeddingLookup"/> is the same operation restricted to a parameter matrix.
    /// </remarks>
    public static Tensor Gather(Tape tape, Tensor input, int[] indices)
    {
        CheckNotNull(tape, input);
        int[] rows = CheckedIndices(indices, input.Rows, nameof(indices));
        return GatherRows(tape, input, rows);
    }

    /// <summary>Adds rows into a zero tensor at given rows: output[indices[r], :] += source[r, :], the transpose of <see cref="Gather"/>.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="source">Any tensor with indices.Length rows (<see cref="Tensor.Rows"/>), e.g. messages along edges.</param>
    /// <param name="indices">Target row of each source row, each in [0, <paramref name="rows"/>); repeats add up.</param>
    /// <param name="rows">Rows of the output, not negative.</param>
    /// <returns>A <paramref name="rows"/> × source.Columns matrix; rows no index names stay zero.</returns>
    /// <exception cref="ArgumentException">indices.Length differs from source.Rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index lies outside [0, rows), or rows is negative.</exception>
    /// <remarks>The backward step gathers: d source[r] += d output[indices[r]]. Repeated targets add in source order, whatever the thread count.</remarks>
    public static Tensor ScatterAdd(Tape tape, Tensor source, int[] indices, int rows)
    {
        CheckNotNull(tape, source);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        int[] targets = CheckedIndices(indices, rows, nameof(indices));
        if (targets.Length != source.Rows)
        {
            throw new ArgumentException($"{targets.Length} indices for a source of {source.Rows} rows (shape {source.ShapeText}).", nameof(indices));
        }

        int columns = source.Columns, threads = tape.Threads;
        var output = Tensor.Zeros([rows, columns], source.RequiresGrad);
        ScatterRows(threads, source.Data, columns, targets, output.Data, rows);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    GatherInto(threads, g, columns, targets, source.EnsureGrad(), accumulate: true);
                }
            });
        }

        return output;
    }

    // Gather with indices already checked and privately owned.
    private static Tensor GatherRows(Tape tape, Tensor input, int[] rows)
    {
        int columns = input.Columns, sourceRows = input.Rows, threads = tape.Threads;
        var output = Tensor.Zeros([rows.Length, columns], input.RequiresGrad);
        GatherInto(threads, input.Data, columns, rows, output.Data, accumulate: false);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    ScatterRows(threads, g, columns, rows, input.EnsureGradRows(rows), sourceRows);
                }
            });
        }

        return output;
    }

    // A private copy of indices after checking each lies in [0, limit), so that a caller reusing its buffer cannot redirect the backward step.
    private static int[] CheckedIndices(int[] indices, int limit, string name)
    {
        ArgumentNullException.ThrowIfNull(indices, name);
        for (int i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)limit)
            {
                throw new ArgumentOutOfRangeException(name, indices[i], $"Index {i} is {indices[i]}, outside the {limit} rows available.");
            }
        }

        return (int[])indices.Clone();
    }

    // target[r] = source[indices[r]] (or +=) for every r; rows are independent, so blocks of them run in parallel.
    private static void GatherInto(int threads, float[] source, int columns, int[] indices, float[] target, bool accumulate) =>
        ForRows(threads, indices.Length, columns, (s, e) =>
        {
            for (int r = s; r < e; r++)
            {
                var from = source.AsSpan(indices[r] * columns, columns);
                var to = target.AsSpan(r * columns, columns);
                if (accumulate)
                {
                    TensorPrimitives.Add(to, from, to);
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        });

    // target[indices[r]] += source[r] for r in order. Threads split the target rows, not the source rows, and each scans
    // every index: a target row then receives its additions in source order, so the bits never depend on the split.
    private static void ScatterRows(int threads, float[] source, int columns, int[] indices, float[] target, int targetRows)
    {
        int n = indices.Length;
        int parts = (long)n * columns < ParallelThreshold ? 1 : Math.Min(threads, Math.Max(1, targetRows));
        void Scatter(int part)
        {
            int low = (int)((long)targetRows * part / parts), high = (int)((long)targetRows * (part + 1) / parts);
            for (int r = 0; r < n; r++)
            {
                int row = indices[r];
                if (row >= low && row < high)
                {
                    var to = target.AsSpan(row * columns, columns);
                    TensorPrimitives.Add(to, source.AsSpan(r * columns, columns), to);
                }
            }
        }

        if (parts == 1)
        {
            Scatter(0);
        }
        else
        {
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = threads }, Scatter);
        }
    }
}
