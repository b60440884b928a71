namespace KnowRec.Numerics.Autodiff;

/// <summary>Seeded initialisers for weights and embeddings; the same seed gives the same tensor on every run and machine.</summary>
/// <remarks>For a weight used as x · W of shape [in, out], fan-in is the first dimension and fan-out the second.</remarks>
public static class Init
{
    /// <summary>Glorot/Xavier uniform (Glorot &amp; Bengio 2010, eq. 16): U(−a, a) with a = √(6 / (fan_in + fan_out)).</summary>
    /// <param name="shape">[in, out], or [out] for a bias-like vector (fan-in 1).</param>
    /// <param name="random">Seeded source of randomness.</param>
    public static Tensor XavierUniform(int[] shape, Random random)
    {
        var (fanIn, fanOut) = Fans(shape);
        float bound = MathF.Sqrt(6f / (fanIn + fanOut));
        return Tensor.Uniform(shape, -bound, bound, random, requiresGrad: true);
    }

    /// <summary>Glorot/Xavier normal: N(0, 2 / (fan_in + fan_out)).</summary>
    /// <param name="shape">[in, out], or [out].</param>
    /// <param name="random">Seeded source of randomness.</param>
    public static Tensor XavierNormal(int[] shape, Random random)
    {
        var (fanIn, fanOut) = Fans(shape);
        return Tensor.Normal(shape, 0f, MathF.Sqrt(2f / (fanIn + fanOut)), random, requiresGrad: true);
    }

    /// <summary>He/Kaiming uniform for ReLU layers (He et al. 2015, eq. 10): U(−a, a) with a = √(6 / fan_in).</summary>
    /// <param name="shape">[in, out], or [out].</param>
    /// <param name="random">Seeded source of randomness.</param>
    public static Tensor HeUniform(int[] shape, Random random)
    {
        var (fanIn, _) = Fans(shape);
        float bound = MathF.Sqrt(6f / fanIn);
        return Tensor.Uniform(shape, -bound, bound, random, requiresGrad: true);
    }

    /// <summary>N(0, σ²) entries, e.g. σ = 0.01 for embedding tables (NCF) or 0.1 (LightGCN's reference code uses Xavier).</summary>
    /// <param name="shape">Any shape of rank 1 to 4.</param>
    /// <param name="standardDeviation">σ, not negative.</param>
    /// <param name="random">Seeded source of randomness.</param>
    public static Tensor Normal(int[] shape, float standardDeviation, Random random) =>
        Tensor.Normal(shape, 0f, standardDeviation, random, requiresGrad: true);

    /// <summary>A trainable tensor of zeros, e.g. biases.</summary>
    /// <param name="shape">Any shape of rank 1 to 4.</param>
    public static Tensor Zeros(int[] shape) => Tensor.Zeros(shape, requiresGrad: true);

    /// <summary>A trainable tensor of ones, e.g. layer-norm gains.</summary>
    /// <param name="shape">Any shape of rank 1 to 4.</param>
    public static Tensor Ones(int[] shape)
    {
        var tensor = Tensor.Zeros(shape, requiresGrad: true);
        Array.Fill(tensor.Data, 1f);
        return tensor;
    }

    private static (int FanIn, int FanOut) Fans(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfZero(shape.Length, nameof(shape));
        return shape.Length == 1 ? (1, Math.Max(1, shape[0])) : (Math.Max(1, shape[0]), Math.Max(1, shape[^1]));
    }
}
