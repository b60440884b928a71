namespace KnowRec.Numerics;

/// <summary>A small, fast, seedable generator (Steele, Lea, Flood 2014); one per sampling thread, so no locking.</summary>
/// <param name="seed">Any value; equal seeds give equal streams.</param>
public struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A seed for stream <paramref name="stream"/> of <paramref name="seed"/>: nearby pairs give unrelated streams.</summary>
    /// <param name="seed">The user's seed.</param>
    /// <param name="stream">Which stream, e.g. epoch × threads + thread.</param>
    public static ulong Derive(int seed, long stream)
    {
        var mixer = new SplitMix64(((ulong)(uint)seed << 32) ^ ((ulong)stream * 0xD1B54A32D192ED03UL) ^ 0x5851F42D4C957F2DUL);
        return mixer.Next();
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, n) by the multiply-shift method (Lemire 2019), without a division.</summary>
    /// <param name="n">Positive bound.</param>
    public int NextInt(int n) => (int)(((Next() >> 32) * (ulong)(uint)n) >> 32);

    /// <summary>Uniform in [0, 1).</summary>
    public float NextSingle() => (Next() >> 40) * (1f / (1 << 24));

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
