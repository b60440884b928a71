using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace KnowRec.Numerics;

public static partial class Gemm
{
    // Runs the micro-kernel on one MR × NR tile; edge tiles go through a zeroed scratch tile so the kernel stays branch-free.
    private static unsafe void MicroTile<T>(KernelShape shape, int kc, T* a, T* b, T* c, int ldc, T alpha, int mr, int nr)
        where T : unmanaged, INumber<T>
    {
        if (mr == shape.Mr && nr == shape.Nr)
        {
            Kernel(shape, kc, a, b, c, ldc, alpha);
            return;
        }

        T* scratch = stackalloc T[shape.Mr * shape.Nr];
        new Span<T>(scratch, shape.Mr * shape.Nr).Clear();
        Kernel(shape, kc, a, b, scratch, shape.Nr, alpha);
        for (int i = 0; i < mr; i++)
        {
            for (int j = 0; j < nr; j++)
            {
                c[((long)i * ldc) + j] += scratch[(i * shape.Nr) + j];
            }
        }
    }

    private static unsafe void Kernel<T>(KernelShape shape, int kc, T* a, T* b, T* c, int ldc, T alpha)
        where T : unmanaged, INumber<T>
    {
        switch (shape.Width)
        {
            case 512:
                Kernel512(kc, a, b, c, ldc, alpha);
                break;
            case 256:
                Kernel256(kc, a, b, c, ldc, alpha);
                break;
            default:
                KernelScalar(shape, kc, a, b, c, ldc, alpha);
                break;
        }
    }

    // 8 × (2 vectors): 16 zmm accumulators, 2 B loads and one broadcast per row live in the 32 AVX-512 registers.
    private static unsafe void Kernel512<T>(int kc, T* a, T* b, T* c, int ldc, T alpha)
        where T : unmanaged, INumber<T>
    {
        int w = Vector512<T>.Count;
        Vector512<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<T> c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        PrefetchTile(c, ldc, 8);
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + w);
            var x = Vector512.Create(a[0]);
            c00 = Fma(x, b0, c00);
            c01 = Fma(x, b1, c01);
            x = Vector512.Create(a[1]);
            c10 = Fma(x, b0, c10);
            c11 = Fma(x, b1, c11);
            x = Vector512.Create(a[2]);
            c20 = Fma(x, b0, c20);
            c21 = Fma(x, b1, c21);
            x = Vector512.Create(a[3]);
            c30 = Fma(x, b0, c30);
            c31 = Fma(x, b1, c31);
            x = Vector512.Create(a[4]);
            c40 = Fma(x, b0, c40);
            c41 = Fma(x, b1, c41);
            x = Vector512.Create(a[5]);
            c50 = Fma(x, b0, c50);
            c51 = Fma(x, b1, c51);
            x = Vector512.Create(a[6]);
            c60 = Fma(x, b0, c60);
            c61 = Fma(x, b1, c61);
            x = Vector512.Create(a[7]);
            c70 = Fma(x, b0, c70);
            c71 = Fma(x, b1, c71);
            a += 8;
            b += 2 * w;
        }

        var s = Vector512.Create(alpha);
        Store(s, c00, c01, c, w);
        Store(s, c10, c11, c + ldc, w);
        Store(s, c20, c21, c + (2L * ldc), w);
        Store(s, c30, c31, c + (3L * ldc), w);
        Store(s, c40, c41, c + (4L * ldc), w);
        Store(s, c50, c51, c + (5L * ldc), w);
        Store(s, c60, c61, c + (6L * ldc), w);
        Store(s, c70, c71, c + (7L * ldc), w);
    }

    // 6 × (2 vectors): 12 ymm accumulators + 2 B loads + 1 broadcast fit the 16 AVX2 registers.
    private static unsafe void Kernel256<T>(int kc, T* a, T* b, T* c, int ldc, T alpha)
        where T : unmanaged, INumber<T>
    {
        int w = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        PrefetchTile(c, ldc, 6);
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + w);
            var x = Vector256.Create(a[0]);
            c00 = Fma(x, b0, c00);
            c01 = Fma(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = Fma(x, b0, c10);
            c11 = Fma(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = Fma(x, b0, c20);
            c21 = Fma(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = Fma(x, b0, c30);
            c31 = Fma(x, b1, c31);
            x = Vector256.Create(a[4]);
            c40 = Fma(x, b0, c40);
            c41 = Fma(x, b1, c41);
            x = Vector256.Create(a[5]);
            c50 = Fma(x, b0, c50);
            c51 = Fma(x, b1, c51);
            a += 6;
            b += 2 * w;
        }

        var s = Vector256.Create(alpha);
        Store(s, c00, c01, c, w);
        Store(s, c10, c11, c + ldc, w);
        Store(s, c20, c21, c + (2L * ldc), w);
        Store(s, c30, c31, c + (3L * ldc), w);
        Store(s, c40, c41, c + (4L * ldc), w);
        Store(s, c50, c51, c + (5L * ldc), w);
    }

    private static unsafe void KernelScalar<T>(KernelShape shape, int kc, T* a, T* b, T* c, int ldc, T alpha)
        where T : unmanaged, INumber<T>
    {
        int mr = shape.Mr;
        int nr = shape.Nr;
        T* sum = stackalloc T[mr * nr];
        new Span<T>(sum, mr * nr).Clear();
        for (int p = 0; p < kc; p++)
        {
            for (int i = 0; i < mr; i++)
            {
                T x = a[(p * mr) + i];
                for (int j = 0; j < nr; j++)
                {
                    sum[(i * nr) + j] += x * b[(p * nr) + j];
                }
            }
        }

        for (int i = 0; i < mr; i++)
        {
            for (int j = 0; j < nr; j++)
            {
                c[((long)i * ldc) + j] += alpha * sum[(i * nr) + j];
            }
        }
    }

    // The tile of C is read only after the k loop; for large C its rows (a whole row stride apart) are usually not in
    // cache, and eight demand misses at the end cost a fifth of a 256-deep tile's time. Asking for them first hides
    // that latency behind the loop (as OpenBLAS's kernels do). Each row of the tile is 2 vectors = 128 bytes, which
    // touch at most three cache lines.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchTile<T>(T* c, int ldc, int rows)
        where T : unmanaged
    {
        for (int i = 0; i < rows; i++)
        {
            byte* row = (byte*)(c + ((long)i * ldc));
            Sse.Prefetch0(row);
            Sse.Prefetch0(row + 64);
            Sse.Prefetch0(row + 127);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store<T>(Vector512<T> alpha, Vector512<T> left, Vector512<T> right, T* c, int w)
        where T : unmanaged
    {
        Vector512.Store(Fma(alpha, left, Vector512.Load(c)), c);
        Vector512.Store(Fma(alpha, right, Vector512.Load(c + w)), c + w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store<T>(Vector256<T> alpha, Vector256<T> left, Vector256<T> right, T* c, int w)
        where T : unmanaged
    {
        Vector256.Store(Fma(alpha, left, Vector256.Load(c)), c);
        Vector256.Store(Fma(alpha, right, Vector256.Load(c + w)), c + w);
    }

    // The typeof checks are JIT-time constants, so each instantiation keeps exactly one FMA instruction.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma<T>(Vector512<T> x, Vector512<T> y, Vector512<T> z) =>
        typeof(T) == typeof(float)
            ? Vector512.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), z.AsSingle()).As<float, T>()
            : Vector512.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), z.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma<T>(Vector256<T> x, Vector256<T> y, Vector256<T> z) =>
        typeof(T) == typeof(float)
            ? Vector256.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), z.AsSingle()).As<float, T>()
            : Vector256.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), z.AsDouble()).As<double, T>();

    // Register blocking per element type and machine; SIMD only for float and double.
    private readonly record struct KernelShape(int Mr, int Nr, int Width)
    {
        public static KernelShape Of<T>()
            where T : unmanaged
        {
            bool simd = typeof(T) == typeof(float) || typeof(T) == typeof(double);
            if (simd && Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
            {
                return new KernelShape(8, 2 * Vector512<T>.Count, 512);
            }

            if (simd && Vector256.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Fma.IsSupported)
            {
                return new KernelShape(6, 2 * Vector256<T>.Count, 256);
            }

            return new KernelShape(4, 4, 0);
        }
    }
}
