using System.Numerics.Tensors;

namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>Element-wise leaky rectifier: x for x &gt; 0, else <paramref name="slope"/> · x (Maas et al. 2013).</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Input tensor.</param>
    /// <param name="slope">Slope for negative inputs, in [0, 1) (0.2 in KGAT's reference code).</param>
    /// <returns>A tensor of the input's shape.</returns>
    /// <remarks>The derivative at exactly 0 is taken as <paramref name="slope"/>.</remarks>
    public static Tensor LeakyReLU(Tape tape, Tensor input, float slope)
    {
        if (!(slope >= 0f && slope < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(slope), slope, "The slope must lie in [0, 1).");
        }

        return Pointwise(
            tape,
            input,
            (x, y) =>
            {
                for (int i = 0; i < x.Length; i++)
                {
                    y[i] = x[i] > 0f ? x[i] : slope * x[i];
                }
            },
            (x, _, g, gi) =>
            {
                for (int i = 0; i < x.Length; i++)
                {
                    gi[i] += x[i] > 0f ? g[i] : slope * g[i];
                }
            });
    }

    /// <summary>Each row divided by its Euclidean norm, y = x / max(‖x‖, ε) with ε = 10⁻¹², as PyTorch's <c>F.normalize</c>.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Tensor of rank 1 to 4; rows are over the last dimension.</param>
    /// <returns>A tensor of the input's shape whose rows have unit norm (or are zero).</returns>
    /// <remarks>For ‖x‖ &gt; ε the derivative is (g − y·(yᵀg)) / ‖x‖; below ε the row was divided by ε, so it is g / ε.</remarks>
    public static Tensor RowNormalize(Tape tape, Tensor input)
    {
        CheckNotNull(tape, input);
        const float Epsilon = 1e-12f;
        int rows = input.Rows, columns = input.Columns;
        var output = Tensor.Zeros(input.Shape.ToArray(), input.RequiresGrad);
        var x = input.Data;
        var y = output.Data;
        var norms = new float[rows];
        ForRows(tape.Threads, rows, columns, (start, end) =>
        {
            for (int r = start; r < end; r++)
            {
                var row = x.AsSpan(r * columns, columns);
                norms[r] = Math.Max(TensorPrimitives.Norm(row), Epsilon);
                TensorPrimitives.Divide(row, norms[r], y.AsSpan(r * columns, columns));
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
                ForRows(tape.Threads, rows, columns, (start, end) =>
                {
                    for (int r = start; r < end; r++)
                    {
                        var yr = y.AsSpan(r * columns, columns);
                        var gr = g.AsSpan(r * columns, columns);
                        var target = gi.AsSpan(r * columns, columns);
                        float along = norms[r] > Epsilon ? TensorPrimitives.Dot(yr, gr) : 0f;
                        float inverse = 1f / norms[r];
                        for (int j = 0; j < columns; j++)
                        {
                            target[j] += (gr[j] - (yr[j] * along)) * inverse;
                        }
                    }
                });
            });
        }

        return output;
    }

    /// <summary>
    /// Row b times the matrix of its own relation: y_b = x_b · W[relations[b]], the projection into relation space of
    /// TransR (Lin et al. 2015) as KGAT uses it (Wang et al. 2019, eq. 1).
    /// </summary>
    /// <param name="tape">Where the backward step is recorded; its <see cref="Tape.Threads"/> bounds the threads used.</param>
    /// <param name="input">B × d rows.</param>
    /// <param name="weights">The R × d × k stack of relation matrices.</param>
    /// <param name="relations">The relation of each row, each in [0, R).</param>
    /// <returns>A B × k matrix.</returns>
    /// <remarks>
    /// The backward step writes each row's input gradient on its own and each relation's weight gradient from that
    /// relation's rows in row order, so results are bit-identical for any thread count.
    /// </remarks>
    public static Tensor RelationMatMul(Tape tape, Tensor input, Tensor weights, int[] relations)
    {
        CheckNotNull(tape, input);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(relations);
        if (input.Rank != 2 || weights.Rank != 3 || weights.Shape[1] != input.Columns)
        {
            throw new ArgumentException($"Rows {input.ShapeText} cannot be multiplied by relation matrices {weights.ShapeText}: they must be [B, d] and [R, d, k].", nameof(weights));
        }

        int rows = input.Rows, d = input.Columns, k = weights.Columns, count = weights.Shape[0];
        if (relations.Length != rows)
        {
            throw new ArgumentException($"{relations.Length} relations for {rows} rows.", nameof(relations));
        }

        int[] checkedRelations = CheckedIndices(relations, count, nameof(relations));
        var output = Tensor.Zeros([rows, k], input.RequiresGrad || weights.RequiresGrad);
        var x = input.Data;
        var w = weights.Data;
        var y = output.Data;
        ForRows(tape.Threads, rows, d * k, (start, end) =>
        {
            for (int b = start; b < end; b++)
            {
                var target = y.AsSpan(b * k, k);
                int matrix = checkedRelations[b] * d * k;
                for (int j = 0; j < d; j++)
                {
                    TensorPrimitives.MultiplyAdd(w.AsSpan(matrix + (j * k), k), x[(b * d) + j], target, target);
                }
            }
        });

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    RelationMatMulBackward(tape.Threads, input, weights, checkedRelations, g, count);
                }
            });
        }

        return output;
    }

    private static void RelationMatMulBackward(int threads, Tensor input, Tensor weights, int[] relations, float[] g, int count)
    {
        int rows = input.Rows, d = input.Columns, k = weights.Columns;
        var x = input.Data;
        var w = weights.Data;
        if (input.RequiresGrad)
        {
            // dx_b[j] = W_r[j, :] · g_b.
            var gx = input.EnsureGrad();
            ForRows(threads, rows, d * k, (start, end) =>
            {
                for (int b = start; b < end; b++)
                {
                    int matrix = relations[b] * d * k;
                    var gb = g.AsSpan(b * k, k);
                    for (int j = 0; j < d; j++)
                    {
                        gx[(b * d) + j] += TensorPrimitives.Dot(w.AsSpan(matrix + (j * k), k), gb);
                    }
                }
            });
        }

        if (weights.RequiresGrad)
        {
            // dW_r += Σ over the rows of r of x_bᵀ g_b, each relation by one thread in row order.
            var gw = weights.EnsureGrad();
            var byRelation = new List<int>[count];
            for (int b = 0; b < rows; b++)
            {
                (byRelation[relations[b]] ??= []).Add(b);
            }

            int work = rows * d * k;
            ForBlocks(threads, count, 1, work, (_, start, end) =>
            {
                for (int r = start; r < end; r++)
                {
                    if (byRelation[r] is not { } list)
                    {
                        continue;
                    }

                    foreach (int b in list)
                    {
                        var gb = g.AsSpan(b * k, k);
                        for (int j = 0; j < d; j++)
                        {
                            var target = gw.AsSpan((r * d * k) + (j * k), k);
                            TensorPrimitives.MultiplyAdd(gb, x[(b * d) + j], target, target);
                        }
                    }
                }
            });
        }
    }
}
