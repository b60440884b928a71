namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>Gathers rows of an embedding table: output row r is table row indices[r].</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="table">The V × d embedding table.</param>
    /// <param name="indices">Row indices into the table, each in [0, V); repeats are allowed.</param>
    /// <returns>An indices.Length × d matrix.</returns>
    /// <remarks>
    /// The backward step scatters each output row's gradient into its table row, adding when an index repeats.
    /// Its cost is proportional to the rows looked up, not to V. The gradient buffer is dense; a table with
    /// <see cref="Tensor.EnableSparseGradient"/> also records which rows it wrote, so zeroing and optimiser steps stay
    /// proportional to the batch too.
    /// </remarks>
    public static Tensor EmbeddingLookup(Tape tape, Tensor table, int[] indices)
    {
        CheckNotNull(tape, table);
        ArgumentNullException.ThrowIfNull(indices);
        if (table.Rank != 2)
        {
            throw new ArgumentException($"The embedding table must be a matrix, not shape {table.ShapeText}.", nameof(table));
        }

        int vocabulary = table.Rows, width = table.Columns;
        foreach (int index in indices)
        {
            if ((uint)index >= (uint)vocabulary)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"Index outside the table's {vocabulary} rows.");
            }
        }

        // A private copy, so that a caller reusing its index buffer cannot redirect the backward scatter.
        int[] rows = (int[])indices.Clone();
        var output = Tensor.Zeros([rows.Length, width], table.RequiresGrad);
        for (int r = 0; r < rows.Length; r++)
        {
            table.Data.AsSpan(rows[r] * width, width).CopyTo(output.Data.AsSpan(r * width, width));
        }

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                var gt = table.EnsureGradRows(rows);
                for (int r = 0; r < rows.Length; r++)
                {
                    int source = r * width, target = rows[r] * width;
                    for (int j = 0; j < width; j++)
                    {
                        gt[target + j] += g[source + j];
                    }
                }
            });
        }

        return output;
    }
}
