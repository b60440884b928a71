using System.Numerics;
using System.Runtime.InteropServices;

namespace KnowRec.Knowledge.Embeddings;

/// <summary>Fused distances between one query row and one candidate row, for scoring every entity of a graph.</summary>
/// <remarks>
/// A full ranking computes one distance per (query, entity): tens of millions per evaluation, each over only d = 64 or
/// so floats. Separate span calls (subtract, then a norm) would spend more on call overhead and temporaries than on
/// arithmetic, so each distance here is one SIMD loop with a scalar tail.
/// </remarks>
internal static class CandidateKernels
{
    /// <summary>Σ_j |q_j − e_j|.</summary>
    public static float L1(ReadOnlySpan<float> q, ReadOnlySpan<float> e)
    {
        var qv = MemoryMarshal.Cast<float, Vector<float>>(q);
        var ev = MemoryMarshal.Cast<float, Vector<float>>(e);
        var sum = Vector<float>.Zero;
        for (int i = 0; i < qv.Length; i++)
        {
            sum += Vector.Abs(qv[i] - ev[i]);
        }

        float total = Vector.Sum(sum);
        for (int j = qv.Length * Vector<float>.Count; j < q.Length; j++)
        {
            total += MathF.Abs(q[j] - e[j]);
        }

        return total;
    }

    /// <summary>Σ_j (q_j − e_j)².</summary>
    public static float SquaredL2(ReadOnlySpan<float> q, ReadOnlySpan<float> e)
    {
        var qv = MemoryMarshal.Cast<float, Vector<float>>(q);
        var ev = MemoryMarshal.Cast<float, Vector<float>>(e);
        var sum = Vector<float>.Zero;
        for (int i = 0; i < qv.Length; i++)
        {
            var x = qv[i] - ev[i];
            sum += x * x;
        }

        float total = Vector.Sum(sum);
        for (int j = qv.Length * Vector<float>.Count; j < q.Length; j++)
        {
            float x = q[j] - e[j];
            total += x * x;
        }

        return total;
    }

    /// <summary>Σ_j |q_j − e_j| over complex coordinates stored as d real parts then d imaginary parts (RotatE's layout).</summary>
    public static float ComplexL1(ReadOnlySpan<float> q, ReadOnlySpan<float> e)
    {
        int d = q.Length / 2;
        var qr = MemoryMarshal.Cast<float, Vector<float>>(q[..d]);
        var qi = MemoryMarshal.Cast<float, Vector<float>>(q[d..]);
        var er = MemoryMarshal.Cast<float, Vector<float>>(e[..d]);
        var ei = MemoryMarshal.Cast<float, Vector<float>>(e[d..]);
        var sum = Vector<float>.Zero;
        for (int i = 0; i < qr.Length; i++)
        {
            var re = qr[i] - er[i];
            var im = qi[i] - ei[i];
            sum += Vector.SquareRoot((re * re) + (im * im));
        }

        float total = Vector.Sum(sum);
        for (int j = qr.Length * Vector<float>.Count; j < d; j++)
        {
            float re = q[j] - e[j], im = q[d + j] - e[d + j];
            total += MathF.Sqrt((re * re) + (im * im));
        }

        return total;
    }
}
