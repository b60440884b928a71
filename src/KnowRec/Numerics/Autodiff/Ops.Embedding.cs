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

        return GatherRows(tape, table, CheckedIndices(indices, table.Rows, nameof(indices)));
    }
}
