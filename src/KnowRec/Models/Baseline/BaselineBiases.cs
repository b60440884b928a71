using KnowRec.Data;
using KnowRec.Storage;

namespace KnowRec.Models.Baseline;

/// <summary>The baseline predictor b_ui = μ + b_u + b_i (Koren 2010, "Factor in the neighbors", eq. 2) fitted to ratings.</summary>
/// <remarks>
/// μ is the mean training rating; b_u and b_i minimise the regularised squared error of Koren 2010, eq. 3, either by
/// alternating closed-form updates (<see cref="BaselineMethod.Als"/>) or by SGD. Users and items without training rows
/// keep a bias of 0. Immutable and thread-safe once fitted.
/// </remarks>
public sealed partial class BaselineBiases
{
    private readonly float[] _userBiases;
    private readonly float[] _itemBiases;

    private BaselineBiases(float globalMean, float[] userBiases, float[] itemBiases)
    {
        GlobalMean = globalMean;
        _userBiases = userBiases;
        _itemBiases = itemBiases;
    }

    /// <summary>μ, the mean of all training ratings (0 when there are none).</summary>
    public float GlobalMean { get; }

    /// <summary>b_u per user index.</summary>
    public ReadOnlySpan<float> UserBiases => _userBiases;

    /// <summary>b_i per item index.</summary>
    public ReadOnlySpan<float> ItemBiases => _itemBiases;

    /// <summary>b_ui = μ + b_u + b_i, unclipped.</summary>
    public float Predict(int user, int item) => GlobalMean + _userBiases[user] + _itemBiases[item];

    /// <summary>Fits the biases to the ratings of a user × item matrix.</summary>
    /// <exception cref="KnowRec.Training.ModelFitException">The fit diverged (a bias became NaN or infinite).</exception>
    public static BaselineBiases Fit(InteractionMatrix ratings, BaselineOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        double sum = 0;
        foreach (float r in ratings.Values)
        {
            sum += r;
        }

        float mean = ratings.NonZeros == 0 ? 0f : (float)(sum / ratings.NonZeros);
        var userBiases = new float[ratings.Users];
        var itemBiases = new float[ratings.Items];
        if (options.Method == BaselineMethod.Als)
        {
            FitAls(ratings, mean, options, userBiases, itemBiases, cancellation);
        }
        else
        {
            FitSgd(ratings, mean, options, userBiases, itemBiases, cancellation);
        }

        if (!userBiases.All(float.IsFinite) || !itemBiases.All(float.IsFinite))
        {
            throw new KnowRec.Training.ModelFitException($"Baseline {options.Method} fit diverged; lower LearningRate or raise the regularisation.");
        }

        return new BaselineBiases(mean, userBiases, itemBiases);
    }

    /// <summary>Writes μ and the bias arrays.</summary>
    public void Save(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(GlobalMean);
        writer.Write(_userBiases);
        writer.Write(_itemBiases);
    }

    /// <summary>Reads what <see cref="Save"/> wrote and checks the sizes.</summary>
    /// <exception cref="InvalidDataException">The arrays do not match the user and item counts.</exception>
    public static BaselineBiases Load(ModelFileReader reader, int users, int items)
    {
        ArgumentNullException.ThrowIfNull(reader);
        float mean = reader.ReadSingle();
        float[] userBiases = reader.ReadSingleArray();
        float[] itemBiases = reader.ReadSingleArray();
        if (userBiases.Length != users || itemBiases.Length != items)
        {
            throw new InvalidDataException($"Baseline holds {userBiases.Length} user and {itemBiases.Length} item biases for {users} users and {items} items.");
        }

        return new BaselineBiases(mean, userBiases, itemBiases);
    }
}
