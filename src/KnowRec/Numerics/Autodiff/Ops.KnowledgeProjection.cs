using System.Numerics.Tensors;

namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// Projects each row into its relation's space: output[b] = entities[b] · M_{relations[b]} (TransR, Lin et al. 2015,
    /// eq. 2: h_r = h M_r, t_r = t M_r).
    /// </summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="entities">Entity rows, [B, d].</param>
    /// <param name="projections">One d × k matrix per relation, [R, d, k], row-major.</param>
    /// <param name="relations">The relation of each row, each in [0, R); length B.</param>
    /// <returns>A B × k matrix.</returns>
    /// <remarks>
    /// Fused because each row has its own matrix: a batched product would first gather a d × k copy per row. The
    /// backward step adds M_r g_bᵀ to each entity row and e_bᵀ g_b to each relation's matrix; the matrix gradients are
    /// split by relation (each part scans the rows in order), so sums are formed in the same order for any thread count.
    /// </remarks>
    public static Tensor RelationProjection(Tape tape, Tensor entities, Tensor projections, int[] relations)
    {
        CheckNotNull(tape, entities);
        ArgumentNullException.ThrowIfNull(projections);
        if (projections.Rank != 3 || projections.Shape[1] != entities.Columns)
        {
            throw new ArgumentException($"Projections must be [R, d, k] with d = {entities.Columns} (the entity width); got {projections.ShapeText}.", nameof(projections));
        }

        int rows = entities.Rows, d = entities.Columns, k = projections.Columns, count = projections.Shape[0], threads = tape.Threads;
        int[] rel = CheckedIndices(relations, count, nameof(relations));
        if (rel.Length != rows)
        {
            throw new ArgumentException($"{rel.Length} relations for {rows} entity rows.", nameof(relations));
        }

        float[] e = entities.Data, m = projections.Data;
        var output = Tensor.Zeros([rows, k], entities.RequiresGrad || projections.RequiresGrad);
        var o = output.Data;
        ForRows(threads, rows, d * k, (s, end) =>
        {
            for (int b = s; b < end; b++)
            {
                // Row b of the output is Σ_i e[b, i] · M_r[i, :].
                var target = o.AsSpan(b * k, k);
                int matrix = rel[b] * d * k;
                for (int i = 0; i < d; i++)
                {
                    TensorPrimitives.MultiplyAdd(m.AsSpan(matrix + (i * k), k), e[(b * d) + i], target, target);
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

                if (entities.RequiresGrad)
                {
                    var ge = entities.EnsureGrad();
                    ForRows(threads, rows, d * k, (s, end) =>
                    {
                        for (int b = s; b < end; b++)
                        {
                            var gradient = g.AsSpan(b * k, k);
                            int matrix = rel[b] * d * k;
                            for (int i = 0; i < d; i++)
                            {
                                ge[(b * d) + i] += TensorPrimitives.Dot(m.AsSpan(matrix + (i * k), k), gradient);
                            }
                        }
                    });
                }

                if (projections.RequiresGrad)
                {
                    AddProjectionGradients(threads, e, g, rel, projections.EnsureGrad(), d, k, count);
                }
            });
        }

        return output;
    }

    // gm[r] += Σ_{b: rel[b] = r} e_bᵀ g_b, in row order; parts own disjoint relation ranges.
    private static void AddProjectionGradients(int threads, float[] e, float[] g, int[] rel, float[] gm, int d, int k, int count)
    {
        int rows = rel.Length;
        int parts = (long)rows * d * k < ParallelThreshold ? 1 : Math.Min(threads, count);
        void Part(int part)
        {
            int low = count * part / parts, high = count * (part + 1) / parts;
            for (int b = 0; b < rows; b++)
            {
                int r = rel[b];
                if (r < low || r >= high)
                {
                    continue;
                }

                var gradient = g.AsSpan(b * k, k);
                int matrix = r * d * k;
                for (int i = 0; i < d; i++)
                {
                    var target = gm.AsSpan(matrix + (i * k), k);
                    TensorPrimitives.MultiplyAdd(gradient, e[(b * d) + i], target, target);
                }
            }
        }

        if (parts == 1)
        {
            Part(0);
        }
        else
        {
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = threads }, Part);
        }
    }
}
