using System.Buffers;
using System.Numerics;

namespace KnowRec.Numerics;

/// <summary>Dense general matrix multiply C = α·op(A)·op(B) + β·C on row-major spans (BLAS <c>xGEMM</c>).</summary>
/// <remarks>
/// Goto &amp; van de Geijn, "Anatomy of High-Performance Matrix Multiplication" (ACM TOMS 2008): op(B) is packed in
/// KC × NC panels (L3), op(A) in MC × KC blocks (L2), and a register-blocked micro-kernel computes an MR × NR tile of C
/// with fused multiply-adds on Vector512 or Vector256; other element types and
/// machines without FMA use a scalar kernel. Tiles of C are spread over threads. Any numeric element type works;
/// float and double take the SIMD path. Thread-safe: calls share no state.
/// </remarks>
public static partial class Gemm
{
    // KC × NR of B stays in L1 (256 × 32 floats = 32 KiB), MC × KC of A in L2; NC bounds the shared packed panel.
    private const int KC = 256;
    private const int NC = 4096;
    private const int McMicroPanels = 16;
    private const int TaskColumns = 512;

    /// <summary>C = α·op(A)·op(B) + β·C, where op(A) is m × k, op(B) is k × n and C is m × n; all row-major.</summary>
    /// <param name="opA">Whether A is used as stored (m × k, leading dimension <paramref name="lda"/>) or transposed (stored k × m).</param>
    /// <param name="opB">Whether B is used as stored (k × n) or transposed (stored n × k).</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">Elements of A.</param>
    /// <param name="lda">Distance between rows of A as stored.</param>
    /// <param name="b">Elements of B.</param>
    /// <param name="ldb">Distance between rows of B as stored.</param>
    /// <param name="beta">Scale of C before adding; when zero, C is overwritten (NaNs in it are ignored).</param>
    /// <param name="c">Elements of C, updated in place.</param>
    /// <param name="ldc">Distance between rows of C.</param>
    /// <param name="threads">Most threads to use; 0 or less means all cores.</param>
    public static unsafe void Multiply<T>(
        MatrixOp opA, MatrixOp opB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb,
        T beta, Span<T> c, int ldc, int threads = 0)
        where T : unmanaged, INumber<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        CheckOperand(a.Length, opA == MatrixOp.None ? m : k, opA == MatrixOp.None ? k : m, lda, nameof(a));
        CheckOperand(b.Length, opB == MatrixOp.None ? k : n, opB == MatrixOp.None ? n : k, ldb, nameof(b));
        CheckOperand(c.Length, m, n, ldc, nameof(c));
        if (m == 0 || n == 0)
        {
            return;
        }

        Scale(c, m, n, ldc, beta);
        if (k == 0 || alpha == T.Zero)
        {
            return;
        }

        var shape = KernelShape.Of<T>();
        int threadCount = threads > 0 ? threads : Environment.ProcessorCount;
        int mc = shape.Mr * McMicroPanels;
        int ncMax = Math.Min(RoundUp(n, shape.Nr), NC);
        int kcMax = Math.Min(k, KC);
        T[] packedB = ArrayPool<T>.Shared.Rent(ncMax * kcMax);
        T[] packedA = ArrayPool<T>.Shared.Rent(RoundUp(m, shape.Mr) * kcMax);
        try
        {
            fixed (T* pa = a, pb = b, pc = c, bufA = packedA, bufB = packedB)
            {
                var job = new Job<T>
                {
                    A = pa,
                    B = pb,
                    C = pc,
                    Lda = lda,
                    Ldb = ldb,
                    Ldc = ldc,
                    OpA = opA,
                    OpB = opB,
                    PackedA = bufA,
                    PackedB = bufB,
                    Alpha = alpha,
                    Shape = shape,
                    M = m,
                    Mc = mc,
                };
                for (int jc = 0; jc < n; jc += NC)
                {
                    job.Jc = jc;
                    job.Nc = Math.Min(NC, n - jc);
                    for (int pcol = 0; pcol < k; pcol += KC)
                    {
                        job.Pc = pcol;
                        job.Kc = Math.Min(KC, k - pcol);
                        RunPanel(job, threadCount);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(packedA);
            ArrayPool<T>.Shared.Return(packedB);
        }
    }

    // One KC-deep slice: pack all of op(A) and the op(B) panel, then compute tiles of C (MC rows × TaskColumns columns).
    private static unsafe void RunPanel<T>(Job<T> job, int threads)
        where T : unmanaged, INumber<T>
    {
        var shape = job.Shape;
        int aPanels = (job.M + shape.Mr - 1) / shape.Mr;
        int bPanels = (job.Nc + shape.Nr - 1) / shape.Nr;
        long work = (long)job.M * job.Nc * job.Kc;
        // Below ~64³ multiply-adds a thread hand-off costs more than it saves.
        int useThreads = work < 262_144 ? 1 : threads;
        var options = new ParallelOptions { MaxDegreeOfParallelism = useThreads };
        if (useThreads == 1)
        {
            PackA(job, 0, aPanels);
            PackB(job, 0, bPanels);
        }
        else
        {
            // One parallel loop packs both operands: each thread takes a share of A's and of B's micro-panels.
            Parallel.For(0, useThreads, options, t =>
            {
                PackA(job, aPanels * t / useThreads, aPanels * (t + 1) / useThreads);
                PackB(job, bPanels * t / useThreads, bPanels * (t + 1) / useThreads);
            });
        }

        int rowBlocks = (job.M + job.Mc - 1) / job.Mc;
        int taskColumns = RoundUp(Math.Min(TaskColumns, job.Nc), shape.Nr);
        // With few row blocks, narrower column tasks keep every thread busy.
        if (rowBlocks < 2 * useThreads)
        {
            taskColumns = RoundUp(Math.Max(shape.Nr, job.Nc * rowBlocks / (2 * useThreads)), shape.Nr);
        }

        int columnBlocks = (job.Nc + taskColumns - 1) / taskColumns;
        int tasks = rowBlocks * columnBlocks;
        if (useThreads == 1 || tasks == 1)
        {
            for (int t = 0; t < tasks; t++)
            {
                ComputeTile(job, t / columnBlocks, t % columnBlocks, taskColumns);
            }
        }
        else
        {
            Parallel.For(0, tasks, options, t => ComputeTile(job, t / columnBlocks, t % columnBlocks, taskColumns));
        }
    }

    private static unsafe void ComputeTile<T>(Job<T> job, int rowBlock, int columnBlock, int taskColumns)
        where T : unmanaged, INumber<T>
    {
        var shape = job.Shape;
        int rowEnd = Math.Min(job.M, (rowBlock + 1) * job.Mc);
        int columnEnd = Math.Min(job.Nc, (columnBlock + 1) * taskColumns);
        for (int jr = columnBlock * taskColumns; jr < columnEnd; jr += shape.Nr)
        {
            int nr = Math.Min(shape.Nr, job.Nc - jr);
            T* panelB = job.PackedB + ((long)jr * job.Kc);
            for (int ir = rowBlock * job.Mc; ir < rowEnd; ir += shape.Mr)
            {
                int mr = Math.Min(shape.Mr, job.M - ir);
                T* panelA = job.PackedA + ((long)ir * job.Kc);
                T* tile = job.C + ((long)ir * job.Ldc) + job.Jc + jr;
                MicroTile(shape, job.Kc, panelA, panelB, tile, job.Ldc, job.Alpha, mr, nr);
            }
        }
    }

    private static void Scale<T>(Span<T> c, int m, int n, int ldc, T beta)
        where T : unmanaged, INumber<T>
    {
        if (beta == T.One)
        {
            return;
        }

        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            if (beta == T.Zero)
            {
                row.Clear();
            }
            else
            {
                for (int j = 0; j < row.Length; j++)
                {
                    row[j] *= beta;
                }
            }
        }
    }

    private static void CheckOperand(int length, int rows, int columns, int ld, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ld, Math.Max(1, columns), name + " leading dimension");
        if (rows > 0 && columns > 0 && length < ((long)(rows - 1) * ld) + columns)
        {
            throw new ArgumentException($"Span {name} has {length} elements, too few for {rows} × {columns} with leading dimension {ld}.", name);
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    // Everything one panel pass needs, passed by value into the parallel loops (spans cannot be captured).
    private unsafe struct Job<T>
        where T : unmanaged
    {
        public T* A;
        public T* B;
        public T* C;
        public T* PackedA;
        public T* PackedB;
        public int Lda;
        public int Ldb;
        public int Ldc;
        public MatrixOp OpA;
        public MatrixOp OpB;
        public T Alpha;
        public KernelShape Shape;
        public int M;
        public int Mc;
        public int Jc;
        public int Nc;
        public int Pc;
        public int Kc;
    }
}
