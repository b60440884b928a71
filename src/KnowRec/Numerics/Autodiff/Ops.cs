namespace KnowRec.Numerics.Autodiff;

/// <summary>Differentiable operations on <see cref="Tensor"/>s; each records its backward step on the given <see cref="Tape"/>.</summary>
/// <remarks>
/// An operation's output requires a gradient when any input does, and only then is a backward step recorded, so
/// inference through the same code costs no tape memory. Backward steps add into the inputs' gradients, which is what
/// makes a tensor used twice (or an embedding row looked up twice) receive the sum of both contributions.
/// Inputs are read again during the backward pass: do not modify their <see cref="Tensor.Data"/> before it.
/// Work above about 64k elements is cut into fixed blocks that up to <see cref="Tape.Threads"/> threads share; the blocks,
/// and the order in which partial sums are combined, depend only on the shapes, so results are bit-identical for any
/// thread count.
/// </remarks>
public static partial class Ops
{
    // The output shape of a broadcasting pair, and which operand (if either) is a single row repeated over the other's rows.
    private static (int[] Shape, bool AIsRow, bool BIsRow) Broadcast(Tape tape, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.SameShape(b))
        {
            return (a.Shape.ToArray(), false, false);
        }

        if (IsRowOf(b, a))
        {
            return (a.Shape.ToArray(), false, true);
        }

        if (IsRowOf(a, b))
        {
            return (b.Shape.ToArray(), true, false);
        }

        throw new ArgumentException(
            $"Shapes {a.ShapeText} and {b.ShapeText} neither match nor broadcast a row (length n, or 1 × n) over a tensor whose last dimension is n.",
            nameof(b));
    }

    private static bool IsRowOf(Tensor row, Tensor matrix) => matrix.Rank >= 2 && row.Rows == 1 && row.Columns == matrix.Columns;

    private static void CheckNotNull(Tape tape, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentNullException.ThrowIfNull(input);
    }
}
