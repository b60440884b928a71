namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>Work (elements touched) from which an operation cuts its loop into fixed blocks that may run on several threads.</summary>
    /// <remarks>Below it one call covers everything: a thread hand-off costs more than the work.</remarks>
    internal const int ParallelThreshold = 1 << 16;

    /// <summary>Elements per block of a split element-wise operation or reduction.</summary>
    internal const int BlockElements = 1 << 14;

    /// <summary>The number of blocks <see cref="ForBlocks"/> cuts <paramref name="count"/> items into.</summary>
    /// <param name="count">Items (elements or rows) to cover.</param>
    /// <param name="blockSize">Items per block, at least 1.</param>
    /// <param name="work">Elements the whole loop touches, compared with <see cref="ParallelThreshold"/>.</param>
    internal static int BlockCount(int count, int blockSize, long work) =>
        count == 0 ? 0 : work < ParallelThreshold ? 1 : (int)(((long)count + blockSize - 1) / blockSize);

    /// <summary>
    /// Calls <paramref name="body"/>(block, start, end) over consecutive ranges covering [0, <paramref name="count"/>).
    /// </summary>
    /// <remarks>
    /// The ranges depend only on the sizes, never on <paramref name="threads"/>, and each block writes its own outputs (or
    /// its own partial sum, which the caller combines in block order), so the results are bit-identical for any number of
    /// threads: <see cref="Tape.Threads"/> changes only how many blocks run at once.
    /// </remarks>
    internal static void ForBlocks(int threads, int count, int blockSize, long work, Action<int, int, int> body)
    {
        int blocks = BlockCount(count, blockSize, work);
        if (blocks == 1)
        {
            body(0, 0, count);
        }
        else if (threads <= 1 || blocks < 2)
        {
            for (int b = 0; b < blocks; b++)
            {
                body(b, b * blockSize, (int)Math.Min(count, (long)(b + 1) * blockSize));
            }
        }
        else
        {
            Parallel.For(
                0,
                blocks,
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                b => body(b, b * blockSize, (int)Math.Min(count, (long)(b + 1) * blockSize)));
        }
    }

    /// <summary><see cref="ForBlocks"/> over the elements of a flat array of <paramref name="length"/>.</summary>
    internal static void ForElements(int threads, int length, Action<int, int> body) =>
        ForBlocks(threads, length, BlockElements, length, (_, start, end) => body(start, end));

    /// <summary>Rows per block for a row-wise loop over rows of <paramref name="columns"/> elements: about <see cref="BlockElements"/> elements.</summary>
    internal static int RowsPerBlock(int columns) => Math.Max(1, BlockElements / Math.Max(1, columns));

    /// <summary><see cref="ForBlocks"/> over <paramref name="rows"/> rows of <paramref name="columns"/> elements.</summary>
    internal static void ForRows(int threads, int rows, int columns, Action<int, int> body) =>
        ForBlocks(threads, rows, RowsPerBlock(columns), (long)rows * columns, (_, start, end) => body(start, end));

    /// <summary>
    /// Σ over [0, <paramref name="length"/>) of partial sums that <paramref name="partial"/>(start, end) returns in
    /// double for chunks of at most <see cref="ReductionChunk"/> elements, added in a fixed order: the same value for any
    /// thread count, and float rounding confined to short chunks.
    /// </summary>
    internal static double SumBlocks(int threads, int length, Func<int, int, double> partial)
    {
        var partials = new double[BlockCount(length, BlockElements, length)];
        ForBlocks(threads, length, BlockElements, length, (b, start, end) =>
        {
            double total = 0;
            for (int s = start; s < end; s += ReductionChunk)
            {
                total += partial(s, Math.Min(end, s + ReductionChunk));
            }

            partials[b] = total;
        });

        double sum = 0;
        foreach (double value in partials)
        {
            sum += value;
        }

        return sum;
    }

    /// <summary>Elements summed in float (SIMD lanes) before the running total moves to double; divides <see cref="BlockElements"/>.</summary>
    internal const int ReductionChunk = 1 << 12;
}
