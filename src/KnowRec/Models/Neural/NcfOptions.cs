using System.Globalization;

namespace KnowRec.Models.Neural;

/// <summary>Options of <see cref="NcfModel"/> (NeuMF, He et al. 2017).</summary>
/// <remarks>
/// Defaults were chosen on a validation split carved from the training part of the ML-1M fixed split (never on its
/// test part); the settings tried are in <c>docs/results.md</c>, section "NCF, bilinear, two-tower".
/// </remarks>
public sealed record NcfOptions : IModelOptions
{
    /// <summary>GMF embedding size, the "predictive factors" of the GMF branch (default 32).</summary>
    public int Factors { get; init; } = 32;

    /// <summary>
    /// The MLP tower as comma-separated widths, as in the authors' code (<c>--layers</c>): the first is the size of
    /// [p_u; q_i], so each MLP embedding has half of it; the rest are the hidden ReLU layers (default 64,32,16,8).
    /// </summary>
    public string Tower { get; init; } = "64,32,16,8";

    /// <summary>Unseen items sampled per positive pair each epoch (He et al. 2017, Section 4.1: 4; default 4).</summary>
    public int Negatives { get; init; } = 4;

    /// <summary>
    /// Unseen candidates drawn for each negative; the one the current model scores highest is used (dynamic negative
    /// sampling, Zhang et al. 2013). 1 is the paper's uniform sampling; 5 lifted validation NDCG@10 on ML-1M from
    /// 0.205 to 0.222 at the paper's learning rate (default 5).
    /// </summary>
    public int NegativeCandidates { get; init; } = 5;

    /// <summary>Passes over the positive pairs; validation NDCG@10 peaks at 5 with the default learning rate and falls after (default 5).</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>Examples per mini-batch (default 256, the paper's choice).</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Adam step size; the paper's 0.001 peaks after 2 epochs on ML-1M and lower, 0.0005, peaks higher (default 0.0005).</summary>
    public float LearningRate { get; init; } = 0.0005f;

    /// <summary>L2 coefficient added to every gradient by Adam; for embedding rows only when a batch touches them (default 0).</summary>
    public float WeightDecay { get; init; }

    /// <summary>
    /// Early stopping: 0 trains every epoch on every training row (default); above 0, a validation share of each user's
    /// training rows is held out, NDCG@10 on it is measured after every epoch, training stops after this many epochs
    /// without improvement and the model keeps the weights of its best epoch.
    /// </summary>
    public int Patience { get; init; }

    /// <summary>Share of each user's training rows held out for early stopping when <see cref="Patience"/> is above 0 (default 0.1; the latest row instead when rows have timestamps).</summary>
    public float ValidationShare { get; init; } = 0.1f;

    /// <summary>Seed of the initial weights and of the negative sampling (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The tower widths parsed from <see cref="Tower"/>.</summary>
    public int[] TowerWidths()
    {
        try
        {
            return [.. Tower.Split(',').Select(w => int.Parse(w.Trim(), NumberStyles.None, CultureInfo.InvariantCulture))];
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new ArgumentException($"Tower must be comma-separated positive widths such as 64,32,16,8, got '{Tower}'.", nameof(Tower), e);
        }
    }

    /// <inheritdoc/>
    public void Validate()
    {
        NeuralChecks.Range(Factors, 1, 1024, nameof(Factors));
        ArgumentNullException.ThrowIfNull(Tower, nameof(Tower));
        int[] widths = TowerWidths();
        if (widths.Length < 2 || widths.Any(w => w is < 1 or > 4096) || widths[0] % 2 != 0)
        {
            throw new ArgumentException($"Tower needs an even input width and at least one hidden layer, each width in [1, 4096], got '{Tower}'.", nameof(Tower));
        }

        NeuralChecks.Range(Negatives, 1, 1000, nameof(Negatives));
        NeuralChecks.Range(NegativeCandidates, 1, 1000, nameof(NegativeCandidates));
        NeuralChecks.Range(Patience, 0, 100_000, nameof(Patience));
        NeuralChecks.Share(ValidationShare, nameof(ValidationShare));
        NeuralChecks.Range(Epochs, 1, 100_000, nameof(Epochs));
        NeuralChecks.Range(BatchSize, 1, 1 << 20, nameof(BatchSize));
        NeuralChecks.Positive(LearningRate, nameof(LearningRate));
        NeuralChecks.NotNegative(WeightDecay, nameof(WeightDecay));
    }
}
