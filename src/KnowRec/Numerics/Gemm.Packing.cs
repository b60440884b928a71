using System.Numerics;

namespace KnowRec.Numerics;

public static partial class Gemm
{
    // Packs op(A)[0..M, Pc..Pc+Kc] into MR-row micro-panels, k-major inside a panel (the order the micro-kernel reads);
    // rows past M are zero so edge tiles run the same kernel.
    private static unsafe void PackA<T>(Job<T> job, int firstPanel, int endPanel)
        where T : unmanaged, INumber<T>
    {
        int mr = job.Shape.Mr;
        for (int p = firstPanel; p < endPanel; p++)
        {
            T* dest = job.PackedA + ((long)p * mr * job.Kc);
            for (int i = 0; i < mr; i++)
            {
                int row = (p * mr) + i;
                if (row >= job.M)
                {
                    for (int kk = 0; kk < job.Kc; kk++)
                    {
                        dest[(kk * mr) + i] = T.Zero;
                    }
                }
                else if (job.OpA == MatrixOp.None)
                {
                    T* source = job.A + ((long)row * job.Lda) + job.Pc;
                    for (int kk = 0; kk < job.Kc; kk++)
                    {
                        dest[(kk * mr) + i] = source[kk];
                    }
                }
                else
                {
                    T* source = job.A + ((long)job.Pc * job.Lda) + row;
                    for (int kk = 0; kk < job.Kc; kk++)
                    {
                        dest[(kk * mr) + i] = source[(long)kk * job.Lda];
                    }
                }
            }
        }
    }

    // Packs op(B)[Pc..Pc+Kc, Jc..Jc+Nc] into NR-column micro-panels, k-major; columns past Nc are zero.
    private static unsafe void PackB<T>(Job<T> job, int firstPanel, int endPanel)
        where T : unmanaged, INumber<T>
    {
        int nr = job.Shape.Nr;
        for (int p = firstPanel; p < endPanel; p++)
        {
            T* dest = job.PackedB + ((long)p * nr * job.Kc);
            int first = job.Jc + (p * nr);
            int width = Math.Min(nr, job.Jc + job.Nc - first);
            for (int kk = 0; kk < job.Kc; kk++)
            {
                T* row = dest + (kk * nr);
                if (job.OpB == MatrixOp.None)
                {
                    new ReadOnlySpan<T>(job.B + ((long)(job.Pc + kk) * job.Ldb) + first, width).CopyTo(new Span<T>(row, width));
                }
                else
                {
                    T* source = job.B + ((long)first * job.Ldb) + job.Pc + kk;
                    for (int j = 0; j < width; j++)
                    {
                        row[j] = source[(long)j * job.Ldb];
                    }
                }

                for (int j = width; j < nr; j++)
                {
                    row[j] = T.Zero;
                }
            }
        }
    }
}
