using System.Numerics.Tensors;

namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    private enum BinaryKind
    {
        Add,
        Subtract,
        Multiply,
    }

    /// <summary>Element-wise a + b; a row (length n, or 1 × n) is broadcast over every row of a tensor whose last dimension is n.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand.</param>
    /// <returns>A tensor of the larger operand's shape.</returns>
    /// <exception cref="ArgumentException">The shapes neither match nor broadcast.</exception>
    public static Tensor Add(Tape tape, Tensor a, Tensor b) => Binary(tape, a, b, BinaryKind.Add);

    /// <summary>Element-wise a − b; a row (length n, or 1 × n) on either side is broadcast over every row of the other operand.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="a">The operand subtracted from.</param>
    /// <param name="b">The operand subtracted.</param>
    /// <returns>A tensor of the larger operand's shape.</returns>
    /// <exception cref="ArgumentException">The shapes neither match nor broadcast.</exception>
    public static Tensor Sub(Tape tape, Tensor a, Tensor b) => Binary(tape, a, b, BinaryKind.Subtract);

    /// <summary>Element-wise a · b; a row (length n, or 1 × n) is broadcast over every row of a tensor whose last dimension is n.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="a">First operand.</param>
    /// <param name="b">Second operand.</param>
    /// <returns>A tensor of the larger operand's shape.</returns>
    /// <exception cref="ArgumentException">The shapes neither match nor broadcast.</exception>
    public static Tensor Mul(Tape tape, Tensor a, Tensor b) => Binary(tape, a, b, BinaryKind.Multiply);

    /// <summary>Element-wise x · c for a constant c.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">The tensor x.</param>
    /// <param name="factor">The constant c (not differentiated).</param>
    /// <returns>A tensor of the input's shape.</returns>
    public static Tensor Scale(Tape tape, Tensor input, float factor)
    {
        CheckNotNull(tape, input);
        var output = Tensor.Zeros(input.Shape.ToArray(), input.RequiresGrad);
        int threads = tape.Threads;
        var x = input.Data;
        var y = output.Data;
        ForElements(threads, x.Length, (s, e) => TensorPrimitives.Multiply(x.AsSpan(s..e), factor, y.AsSpan(s..e)));
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    var gi = input.EnsureGrad();
                    ForElements(threads, gi.Length, (s, e) => TensorPrimitives.MultiplyAdd(g.AsSpan(s..e), factor, gi.AsSpan(s..e), gi.AsSpan(s..e)));
                }
            });
        }

        return output;
    }

    private static Tensor Binary(Tape tape, Tensor a, Tensor b, BinaryKind kind)
    {
        var (shape, aIsRow, bIsRow) = Broadcast(tape, a, b);
        var output = Tensor.Zeros(shape, a.RequiresGrad || b.RequiresGrad);
        int rows = output.Rows, columns = output.Columns, threads = tape.Threads;
        float[] ad = a.Data, bd = b.Data, od = output.Data;
        if (!aIsRow && !bIsRow)
        {
            ForElements(threads, od.Length, (s, e) => Apply(kind, ad.AsSpan(s..e), bd.AsSpan(s..e), od.AsSpan(s..e)));
        }
        else
        {
            ForRows(threads, rows, columns, (s, e) =>
            {
                for (int r = s; r < e; r++)
                {
                    var row = od.AsSpan(r * columns, columns);
                    Apply(kind, RowOf(ad, aIsRow, r, columns), RowOf(bd, bIsRow, r, columns), row);
                }
            });
        }

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                // d(a ∘ b)/da is 1 for + and −, and b for ·; d/db is 1, −1 and a. The two passes run one after the other,
                // so a tensor passed as both operands gets both contributions.
                if (a.RequiresGrad)
                {
                    AddOperandGradient(threads, a.EnsureGrad(), aIsRow, g, kind == BinaryKind.Multiply ? bd : null, bIsRow, false, rows, columns);
                }

                if (b.RequiresGrad)
                {
                    AddOperandGradient(threads, b.EnsureGrad(), bIsRow, g, kind == BinaryKind.Multiply ? ad : null, aIsRow, kind == BinaryKind.Subtract, rows, columns);
                }
            });
        }

        return output;
    }

    private static void Apply(BinaryKind kind, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> output)
    {
        switch (kind)
        {
            case BinaryKind.Add:
                TensorPrimitives.Add(a, b, output);
                break;
            case BinaryKind.Subtract:
                TensorPrimitives.Subtract(a, b, output);
                break;
            default:
                TensorPrimitives.Multiply(a, b, output);
                break;
        }
    }

    // Row r of a full operand, or the single row of a broadcast one.
    private static Span<float> RowOf(float[] data, bool isRow, int r, int columns) =>
        data.AsSpan(isRow ? 0 : r * columns, columns);

    // gp ±= g (or gp += g ⊙ q), where a broadcast operand (pIsRow) sums the contributions of every output row.
    private static void AddOperandGradient(
        int threads, float[] gp, bool pIsRow, float[] g, float[]? q, bool qIsRow, bool negate, int rows, int columns)
    {
        if (!pIsRow && (q is null || !qIsRow))
        {
            ForElements(threads, g.Length, (s, e) => AddTerm(gp.AsSpan(s..e), g.AsSpan(s..e), q is null ? default : q.AsSpan(s..e), negate));
        }
        else if (!pIsRow)
        {
            ForRows(threads, rows, columns, (s, e) =>
            {
                for (int r = s; r < e; r++)
                {
                    AddTerm(gp.AsSpan(r * columns, columns), g.AsSpan(r * columns, columns), q!.AsSpan(0, columns), negate);
                }
            });
        }
        else
        {
            // Column sums of the rows' terms: one partial per fixed block of rows, added in block order.
            int perBlock = RowsPerBlock(columns);
            var partials = new float[BlockCount(rows, perBlock, (long)rows * columns)][];
            ForBlocks(threads, rows, perBlock, (long)rows * columns, (block, s, e) =>
            {
                var partial = new float[columns];
                for (int r = s; r < e; r++)
                {
                    AddTerm(partial, g.AsSpan(r * columns, columns), q is null ? default : q.AsSpan(r * columns, columns), false);
                }

                partials[block] = partial;
            });

            foreach (var partial in partials)
            {
                AddTerm(gp.AsSpan(0, columns), partial, default, negate);
            }
        }
    }

    // target ±= g when q is empty, else target += g ⊙ q.
    private static void AddTerm(Span<float> target, ReadOnlySpan<float> g, ReadOnlySpan<float> q, bool negate)
    {
        if (!q.IsEmpty)
        {
            TensorPrimitives.MultiplyAdd(g, q, target, target);
        }
        else if (negate)
        {
            TensorPrimitives.Subtract(target, g, target);
        }
        else
        {
            TensorPrimitives.Add(target, g, target);
        }
    }
}
