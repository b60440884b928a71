namespace KnowRec.Models.Bpr;

/// <summary>A small, fast, seedable generator (Steele, Lea, Flood 2014); one per sampling thread, so no locking.</summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, n) by the multiply-shift method (Lemire 2019), without a division.</summary>
    public int NextInt(int n) => (int)(((Next() >> 32) * (ulong)(uint)n) >> 32);

    /// <summary>Uniform in [0, 1).</summary>
    public float NextSingle() => (Next() >> 40) * (1f / (1 << 24));
}
