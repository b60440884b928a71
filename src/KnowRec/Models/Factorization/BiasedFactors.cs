using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using KnowRec.Data;
using KnowRec.Storage;

namespace KnowRec.Models.Factorization;

/// <summary>
/// The prediction state shared by the biased factor models: r̂_ui = μ + b_u + b_i + q_iᵀp_u, clipped to the rating scale
/// (Koren, Bell, Volinsky 2009, eq. 4).
/// </summary>
/// <remarks>Arrays are mutated only while a fit runs; the finished model never writes them, so reads are thread-safe.</remarks>
internal sealed class BiasedFactors
{
    public BiasedFactors(int factors, float globalMean, float[] userBias, float[] itemBias, float[] userFactors, float[] itemFactors, float minimum, float maximum)
    {
        if (userFactors.Length != userBias.Length * factors || itemFactors.Length != itemBias.Length * factors)
        {
            throw new InvalidDataException($"Factor arrays do not hold {factors} factors per user and item.");
        }

        Factors = factors;
        GlobalMean = globalMean;
        UserBias = userBias;
        ItemBias = itemBias;
        UserFactors = userFactors;
        ItemFactors = itemFactors;
        Minimum = minimum;
        Maximum = maximum;
    }

    public int Factors { get; }

    public float GlobalMean { get; }

    public float[] UserBias { get; }

    public float[] ItemBias { get; }

    /// <summary>Users × Factors, row-major.</summary>
    public float[] UserFactors { get; }

    /// <summary>Items × Factors, row-major.</summary>
    public float[] ItemFactors { get; }

    /// <summary>Lower clip of predictions: the rating scale's minimum, or −∞ for data without a scale.</summary>
    public float Minimum { get; }

    /// <summary>Upper clip of predictions: the rating scale's maximum, or +∞.</summary>
    public float Maximum { get; }

    /// <summary>Starts a fit: μ = mean training value, zero biases, factors drawn from N(0, σ²) (users first, then items).</summary>
    public static BiasedFactors Initialise(Dataset train, int factors, double standardDeviation, System.Random random)
    {
        var values = train.Matrix.Values;
        double sum = 0;
        foreach (float v in values)
        {
            sum += v;
        }

        float mean = values.Length == 0 ? 0f : (float)(sum / values.Length);
        var userFactors = new float[train.Users.Count * factors];
        var itemFactors = new float[train.Items.Count * factors];
        SgdKernels.FillNormal(userFactors, standardDeviation, random);
        SgdKernels.FillNormal(itemFactors, standardDeviation, random);

        // Surprise clips to the scale too; implicit data has no scale, so nothing is clipped.
        var (min, max) = train.Feedback == FeedbackKind.Explicit && train.RatingScale is { } scale
            ? scale
            : (float.NegativeInfinity, float.PositiveInfinity);
        return new BiasedFactors(factors, mean, new float[train.Users.Count], new float[train.Items.Count], userFactors, itemFactors, min, max);
    }

    public Span<float> UserRow(int user) => UserFactors.AsSpan(user * Factors, Factors);

    public Span<float> ItemRow(int item) => ItemFactors.AsSpan(item * Factors, Factors);

    /// <summary>Zeroes the factors of users and items without training rows: their random start carries no information, so they fall back to the biases.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ClearUntrained(InteractionMatrix train)
    {
        for (int u = 0; u < train.Users; u++)
        {
            if (train.CountOf(u) == 0)
            {
                UserRow(u).Clear();
            }
        }

        var counts = new int[train.Items];
        foreach (int i in train.Columns)
        {
            counts[i]++;
        }

        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] == 0)
            {
                ItemRow(i).Clear();
            }
        }
    }

    public float Predict(int user, int item) =>
        Math.Clamp(GlobalMean + UserBias[user] + ItemBias[item] + TensorPrimitives.Dot<float>(UserRow(user), ItemRow(item)), Minimum, Maximum);

    // Same arithmetic in the same order as Predict, so Score and Recommend agree to the bit.
    public void PredictAll(int user, Span<float> scores)
    {
        ReadOnlySpan<float> p = UserRow(user);
        float userBase = GlobalMean + UserBias[user];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Clamp(userBase + ItemBias[i] + TensorPrimitives.Dot(p, ItemRow(i)), Minimum, Maximum);
        }
    }

    public void Write(ModelFileWriter writer)
    {
        writer.Write(Factors);
        writer.Write(GlobalMean);
        writer.Write(Minimum);
        writer.Write(Maximum);
        writer.Write(UserBias);
        writer.Write(ItemBias);
        writer.Write(UserFactors);
        writer.Write(ItemFactors);
    }

    public static BiasedFactors Read(ModelFileReader reader, int users, int items)
    {
        int factors = reader.ReadInt32();
        float mean = reader.ReadSingle();
        float min = reader.ReadSingle();
        float max = reader.ReadSingle();
        float[] userBias = reader.ReadSingleArray();
        float[] itemBias = reader.ReadSingleArray();
        float[] userFactors = reader.ReadSingleArray();
        float[] itemFactors = reader.ReadSingleArray();
        if (factors < 1 || userBias.Length != users || itemBias.Length != items)
        {
            throw new InvalidDataException($"Factor model file holds {userBias.Length} user and {itemBias.Length} item biases for {users} users and {items} items.");
        }

        return new BiasedFactors(factors, mean, userBias, itemBias, userFactors, itemFactors, min, max);
    }
}
