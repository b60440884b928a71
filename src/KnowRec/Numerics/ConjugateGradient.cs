using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace KnowRec.Numerics;

/// <summary>Conjugate gradient for symmetric positive-definite systems A·x = b (Hestenes &amp; Stiefel 1952).</summary>
/// <remarks>
/// Shewchuk, "An Introduction to the Conjugate Gradient Method Without the Agonizing Pain" (1994), section B2. Each
/// iteration costs one product with A and O(n) vector work; at most n iterations in exact arithmetic, far fewer when A
/// is well conditioned, which is why it pays over <see cref="Cholesky"/> for large or implicit (matrix-free) A, e.g.
/// warm-started ALS solves. Thread-safe: calls share no state.
/// </remarks>
public static class ConjugateGradient
{
    /// <summary>Solves A·x = b for a dense n × n row-major SPD matrix; <paramref name="x"/> holds the starting guess and receives the solution.</summary>
    /// <param name="a">The matrix, row-major.</param>
    /// <param name="n">Order of the matrix.</param>
    /// <param name="b">Right-hand side.</param>
    /// <param name="x">Start (zeros are a fine start) and result.</param>
    /// <param name="tolerance">Stop when ‖r‖ ≤ tolerance·‖b‖.</param>
    /// <param name="maxIterations">Most iterations; 0 or less means 10·n.</param>
    public static ConjugateGradientResult Solve<T>(ReadOnlySpan<T> a, int n, ReadOnlySpan<T> b, Span<T> x, T tolerance, int maxIterations = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(a.Length, n * n);
        T[] matrix = a[..(n * n)].ToArray();
        return Solve<T>((v, result) => Multiply(matrix, v, result), b, x, tolerance, maxIterations);
    }

    /// <summary>Solves A·x = b where A is given only as its product with a vector; <paramref name="x"/> holds the start and receives the solution.</summary>
    /// <param name="multiply">Computes A·v; A must be symmetric positive definite.</param>
    /// <param name="b">Right-hand side.</param>
    /// <param name="x">Start and result, as long as <paramref name="b"/>.</param>
    /// <param name="tolerance">Stop when ‖r‖ ≤ tolerance·‖b‖.</param>
    /// <param name="maxIterations">Most iterations; 0 or less means 10·n.</param>
    public static ConjugateGradientResult Solve<T>(MatrixVectorProduct<T> multiply, ReadOnlySpan<T> b, Span<T> x, T tolerance, int maxIterations = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(multiply);
        ArgumentOutOfRangeException.ThrowIfNotEqual(x.Length, b.Length, nameof(x));
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        int n = b.Length;
        int limit = maxIterations > 0 ? maxIterations : 10 * Math.Max(1, n);
        T bNorm = T.Sqrt(TensorPrimitives.Dot(b, b));
        if (bNorm == T.Zero)
        {
            x.Clear();
            return new ConjugateGradientResult(0, 0, true);
        }

        T[] rented = ArrayPool<T>.Shared.Rent(3 * n);
        try
        {
            var r = rented.AsSpan(0, n);
            var p = rented.AsSpan(n, n);
            var ap = rented.AsSpan(2 * n, n);
            multiply(x, ap);
            TensorPrimitives.Subtract(b, ap, r);
            r.CopyTo(p);
            T rr = TensorPrimitives.Dot<T>(r, r);
            T target = tolerance * bNorm;
            for (int iteration = 0; ; iteration++)
            {
                double relative = double.CreateChecked(T.Sqrt(rr) / bNorm);
                if (T.Sqrt(rr) <= target)
                {
                    return new ConjugateGradientResult(iteration, relative, true);
                }

                if (iteration == limit)
                {
                    return new ConjugateGradientResult(iteration, relative, false);
                }

                multiply(p, ap);
                T curvature = TensorPrimitives.Dot<T>(p, ap);
                // pᵀAp ≤ 0 means A is not positive definite along p: CG's step is undefined, so stop and say so.
                if (!(curvature > T.Zero))
                {
                    return new ConjugateGradientResult(iteration, relative, false);
                }

                T step = rr / curvature;
                TensorPrimitives.MultiplyAdd(p, step, x, x);
                TensorPrimitives.MultiplyAdd(ap, -step, r, r);
                T rrNext = TensorPrimitives.Dot<T>(r, r);
                TensorPrimitives.MultiplyAdd(p, rrNext / rr, r, p);
                rr = rrNext;
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    private static void Multiply<T>(T[] matrix, ReadOnlySpan<T> v, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = v.Length;
        for (int i = 0; i < n; i++)
        {
            result[i] = TensorPrimitives.Dot(matrix.AsSpan(i * n, n), v);
        }
    }
}
