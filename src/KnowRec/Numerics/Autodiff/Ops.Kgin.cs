using System.Numerics.Tensors;

namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// Relation-aware aggregation over a knowledge graph: out[h] = Σ over the entries (t, r, w) of row h of w · e_r ⊙ x[t],
    /// KGIN's relational path-aware aggregation (Wang et al. 2021, eq. 9) when w = 1/|N_h|.
    /// </summary>
    /// <param name="tape">Where the backward step is recorded; its <see cref="Tape.Threads"/> bounds the threads used.</param>
    /// <param name="adjacency">The constant matrix of (column, relation, weight) entries.</param>
    /// <param name="input">Columns × d node rows x.</param>
    /// <param name="relations">R × d relation rows e_r.</param>
    /// <returns>A rows × d matrix.</returns>
    /// <remarks>
    /// Forward rows, input-gradient rows (by column) and relation-gradient rows (by relation) are each written by one
    /// thread, entries in a fixed order, so results are bit-identical for any thread count.
    /// </remarks>
    public static Tensor RelationalAggregate(Tape tape, RelationalAdjacency adjacency, Tensor input, Tensor relations)
    {
        ArgumentNullException.ThrowIfNull(adjacency);
        CheckNotNull(tape, input);
        ArgumentNullException.ThrowIfNull(relations);
        if (input.Rank != 2 || input.Rows != adjacency.Columns || relations.Rank != 2 || relations.Rows != adjacency.RelationCount || relations.Columns != input.Columns)
        {
            throw new ArgumentException(
                $"Shapes {input.ShapeText} and {relations.ShapeText} do not fit a {adjacency.Rows} × {adjacency.Columns} adjacency of {adjacency.RelationCount} relations.", nameof(input));
        }

        int d = input.Columns, threads = tape.Threads;
        var output = Tensor.Zeros([adjacency.Rows, d], input.RequiresGrad || relations.RequiresGrad);
        var x = input.Data;
        var rel = relations.Data;
        var y = output.Data;
        ForBlocks(threads, adjacency.Rows, RowsPerBlock(d), (long)adjacency.Entries * d, (_, start, end) =>
        {
            var starts = adjacency.RowStarts;
            var columns = adjacency.ColumnIndices;
            var types = adjacency.Relations;
            var weights = adjacency.Weights;
            Span<float> term = d <= 1024 ? stackalloc float[d] : new float[d];
            for (int h = start; h < end; h++)
            {
                var target = y.AsSpan(h * d, d);
                for (int e = starts[h]; e < starts[h + 1]; e++)
                {
                    TensorPrimitives.Multiply(rel.AsSpan(types[e] * d, d), x.AsSpan(columns[e] * d, d), term);
                    TensorPrimitives.MultiplyAdd(term, weights[e], target, target);
                }
            }
        });

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    RelationalAggregateBackward(threads, adjacency, input, relations, g);
                }
            });
        }

        return output;
    }

    private static void RelationalAggregateBackward(int threads, RelationalAdjacency adjacency, Tensor input, Tensor relations, float[] g)
    {
        int d = input.Columns;
        var x = input.Data;
        var rel = relations.Data;
        long work = (long)adjacency.Entries * d;
        if (input.RequiresGrad)
        {
            // dx[t] += Σ over the entries of column t of w · g[h] ⊙ e_r.
            var gx = input.EnsureGrad();
            ForBlocks(threads, adjacency.Columns, RowsPerBlock(d), work, (_, start, end) =>
                AddTerms(adjacency, adjacency.ColumnStarts, adjacency.EntriesByColumn, start, end, g, rel, useRelation: true, gx, d));
        }

        if (relations.RequiresGrad)
        {
            // de_r += Σ over the entries of relation r of w · g[h] ⊙ x[t].
            var gr = relations.EnsureGrad();
            ForBlocks(threads, adjacency.RelationCount, 1, work, (_, start, end) =>
                AddTerms(adjacency, adjacency.RelationStarts, adjacency.EntriesByRelation, start, end, g, x, useRelation: false, gr, d));
        }
    }

    // For each group in [start, end): target[group] += Σ over its entries of w · g[row] ⊙ other[relation or column].
    private static void AddTerms(
        RelationalAdjacency adjacency, int[] groupStarts, int[] entries, int start, int end, float[] g, float[] other, bool useRelation, float[] target, int d)
    {
        var rows = adjacency.RowOfEntry;
        var columns = adjacency.ColumnIndices;
        var types = adjacency.Relations;
        var weights = adjacency.Weights;
        Span<float> term = d <= 1024 ? stackalloc float[d] : new float[d];
        for (int group = start; group < end; group++)
        {
            var into = target.AsSpan(group * d, d);
            for (int x = groupStarts[group]; x < groupStarts[group + 1]; x++)
            {
                int e = entries[x];
                int source = useRelation ? types[e] : columns[e];
                TensorPrimitives.Multiply(g.AsSpan(rows[e] * d, d), other.AsSpan(source * d, d), term);
                TensorPrimitives.MultiplyAdd(term, weights[e], into, into);
            }
        }
    }
}
