using System.Numerics.Tensors;

namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    // Side of the square tiles in which a permutation that moves the last axis is copied, so reads and writes both stay in cache.
    private const int TransposeTile = 32;

    /// <summary>Reorders dimensions: output dimension i is input dimension axes[i], and output[j₀, …] = input[k] with k[axes[i]] = jᵢ.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Tensor of rank 1 to 4.</param>
    /// <param name="axes">A permutation of 0 … rank − 1, e.g. [0, 2, 1, 3] turns [B, L, h, d] into [B, h, L, d].</param>
    /// <returns>A copy with shape[i] = input.Shape[axes[i]].</returns>
    /// <exception cref="ArgumentException"><paramref name="axes"/> is not a permutation of the input's dimensions.</exception>
    /// <remarks>The backward step applies the inverse permutation to the output gradient.</remarks>
    public static Tensor Permute(Tape tape, Tensor input, params int[] axes)
    {
        CheckNotNull(tape, input);
        ArgumentNullException.ThrowIfNull(axes);
        int rank = input.Rank;
        if (axes.Length != rank || axes.Any(a => a < 0 || a >= rank) || axes.Distinct().Count() != rank)
        {
            throw new ArgumentException($"Axes [{string.Join(", ", axes)}] are not a permutation of the {rank} dimensions of {input.ShapeText}.", nameof(axes));
        }

        int[] order = (int[])axes.Clone();
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            inverse[order[i]] = i;
        }

        int[] shape = order.Select(a => input.Shape[a]).ToArray();
        var output = Tensor.Zeros(shape, input.RequiresGrad);
        int threads = tape.Threads;
        int[] inputShape = input.Shape.ToArray();
        PermuteInto(threads, input.Data, inputShape, order, output.Data, accumulate: false);
        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is { } g)
                {
                    PermuteInto(threads, g, shape, inverse, input.EnsureGrad(), accumulate: true);
                }
            });
        }

        return output;
    }

    /// <summary>Swaps the last two dimensions: a matrix transpose, batched over any leading dimensions.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Tensor of rank 2 to 4, e.g. [m, n] or [B, h, L, d].</param>
    /// <returns>A copy of shape [..., n, m] for input [..., m, n].</returns>
    /// <exception cref="ArgumentException">The input is a vector.</exception>
    public static Tensor Transpose(Tape tape, Tensor input)
    {
        CheckNotNull(tape, input);
        int rank = input.Rank;
        if (rank < 2)
        {
            throw new ArgumentException($"Transpose needs at least two dimensions, not shape {input.ShapeText}.", nameof(input));
        }

        int[] axes = Enumerable.Range(0, rank).ToArray();
        (axes[rank - 2], axes[rank - 1]) = (axes[rank - 1], axes[rank - 2]);
        return Permute(tape, input, axes);
    }

    /// <summary>Swaps dimensions 1 and 2 of a rank-4 tensor, [B, L, h, d] → [B, h, L, d]: splits attention heads out of a sequence, and back.</summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="input">Tensor of rank 4.</param>
    /// <returns>A copy of shape [B, h, L, d]; applied twice, the original layout.</returns>
    /// <exception cref="ArgumentException">The input is not rank 4.</exception>
    public static Tensor SwapAxes12(Tape tape, Tensor input)
    {
        CheckNotNull(tape, input);
        if (input.Rank != 4)
        {
            throw new ArgumentException($"SwapAxes12 needs a rank-4 tensor, not shape {input.ShapeText}.", nameof(input));
        }

        return Permute(tape, input, 0, 2, 1, 3);
    }

    // target (+)= source permuted by axes, both padded to rank 4 with leading dimensions of 1.
    private static void PermuteInto(int threads, float[] source, int[] sourceShape, int[] axes, float[] target, bool accumulate)
    {
        int pad = 4 - sourceShape.Length;
        int[] shape = new int[4], order = new int[4];
        for (int k = 0; k < 4; k++)
        {
            shape[k] = k < pad ? 1 : sourceShape[k - pad];
            order[k] = k < pad ? k : axes[k - pad] + pad;
        }

        // Source stride of each output dimension, and the output's own sizes and strides.
        int[] sourceStride = new int[4], size = new int[4], stride = new int[4], step = new int[4];
        sourceStride[3] = 1;
        for (int k = 2; k >= 0; k--)
        {
            sourceStride[k] = sourceStride[k + 1] * shape[k + 1];
        }

        for (int k = 0; k < 4; k++)
        {
            size[k] = shape[order[k]];
            step[k] = sourceStride[order[k]];
        }

        stride[3] = 1;
        for (int k = 2; k >= 0; k--)
        {
            stride[k] = stride[k + 1] * size[k + 1];
        }

        if (order[3] == 3)
        {
            // The last dimension stays last: every output row is a contiguous run of the source.
            int rows = size[0] * size[1] * size[2], width = size[3];
            ForRows(threads, rows, width, (s, e) =>
            {
                for (int r = s; r < e; r++)
                {
                    int i2 = r % size[2], i1 = r / size[2] % size[1], i0 = r / size[2] / size[1];
                    var from = source.AsSpan((i0 * step[0]) + (i1 * step[1]) + (i2 * step[2]), width);
                    var to = target.AsSpan(r * width, width);
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
            return;
        }

        // The source's last dimension (stride 1) becomes output dimension p; copy each (p, last) plane in square tiles.
        int p = Array.IndexOf(order, 3);
        int[] others = [.. Enumerable.Range(0, 3).Where(k => k != p)];
        int a = others[0], b = others[1];
        int tiles = (size[p] + TransposeTile - 1) / TransposeTile, tasks = size[a] * size[b] * tiles;
        long work = (long)size[0] * size[1] * size[2] * size[3];
        int perBlock = Math.Max(1, BlockElements / Math.Max(1, TransposeTile * size[3]));
        int jump = step[3];
        ForBlocks(threads, tasks, perBlock, work, (_, s, e) =>
        {
            for (int task = s; task < e; task++)
            {
                int tile = task % tiles, plane = task / tiles, ib = plane % size[b], ia = plane / size[b];
                int from = (ia * step[a]) + (ib * step[b]), to = (ia * stride[a]) + (ib * stride[b]);
                int iStart = tile * TransposeTile, iEnd = Math.Min(size[p], iStart + TransposeTile);
                for (int j0 = 0; j0 < size[3]; j0 += TransposeTile)
                {
                    int jEnd = Math.Min(size[3], j0 + TransposeTile);
                    for (int i = iStart; i < iEnd; i++)
                    {
                        var row = target.AsSpan(to + (i * stride[p]) + j0, jEnd - j0);
                        int from0 = from + (i * step[p]) + (j0 * jump);
                        if (accumulate)
                        {
                            for (int j = 0; j < row.Length; j++)
                            {
                                row[j] += source[from0 + (j * jump)];
                            }
                        }
                        else
                        {
                            for (int j = 0; j < row.Length; j++)
                            {
                                row[j] = source[from0 + (j * jump)];
                            }
                        }
                    }
                }
            }
        });
    }
}
