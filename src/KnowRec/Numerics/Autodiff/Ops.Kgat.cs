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
    /// Rows are grouped by relation and each group is one <see cref="Gemm"/> product forward (X_r·W_r) and two back
    /// (G_r·W_rᵀ, X_rᵀ·G_r), groups in relation order, so results are bit-identical for any thread count.
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

        var groups = RelationGroups(CheckedIndices(relations, count, nameof(relations)), count);
        var output = Tensor.Zeros([rows, k], input.RequiresGrad || weights.RequiresGrad);
        var x = input.Data;
        var w = weights.Data;
        var y = output.Data;
        int threads = tape.Threads;
        foreach (var (relation, members) in groups)
        {
            int n = members.Length;
            var xr = GatherGroup(x, members, d);
            var yr = new float[n * k];
            Gemm.Multiply(MatrixOp.None, MatrixOp.None, n, k, d, 1f, xr, d, w.AsSpan(relation * d * k, d * k), k, 0f, yr, k, threads);
            for (int m = 0; m < n; m++)
            {
                yr.AsSpan(m * k, k).CopyTo(y.AsSpan(members[m] * k, k));
            }
        }

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                float[]? gx = input.RequiresGrad ? input.EnsureGrad() : null;
                float[]? gw = weights.RequiresGrad ? weights.EnsureGrad() : null;
                foreach (var (relation, members) in groups)
                {
                    int n = members.Length;
                    var gr = GatherGroup(g, members, k);
                    if (gx is not null)
                    {
                        // dX_r = G_r · W_rᵀ, added row by row into the input gradient.
                        var dx = new float[n * d];
                        Gemm.Multiply(MatrixOp.None, MatrixOp.Transpose, n, d, k, 1f, gr, k, w.AsSpan(relation * d * k, d * k), k, 0f, dx, d, threads);
                        for (int m = 0; m < n; m++)
                        {
                            var target = gx.AsSpan(members[m] * d, d);
                            TensorPrimitives.Add(target, dx.AsSpan(m * d, d), target);
                        }
                    }

                    if (gw is not null)
                    {
                        // dW_r += X_rᵀ · G_r.
                        var xr = GatherGroup(x, members, d);
                        Gemm.Multiply(MatrixOp.Transpose, MatrixOp.None, d, k, n, 1f, xr, d, gr, k, 1f, gw.AsSpan(relation * d * k, d * k), k, threads);
                    }
                }
            });
        }

        return output;
    }

    // The rows of each relation that occurs, in row order, relations ascending.
    private static (int Relation, int[] Rows)[] RelationGroups(int[] relations, int count)
    {
        var lists = new List<int>?[count];
        for (int b = 0; b < relations.Length; b++)
        {
            (lists[relations[b]] ??= []).Add(b);
        }

        return [.. lists.Select((list, r) => (r, list)).Where(p => p.list is not null).Select(p => (p.r, p.list!.ToArray()))];
    }

    private static float[] GatherGroup(float[] source, int[] members, int width)
    {
        var rows = new float[members.Length * width];
        for (int m = 0; m < members.Length; m++)
        {
            source.AsSpan(members[m] * width, width).CopyTo(rows.AsSpan(m * width));
        }

        return rows;
    }
}
