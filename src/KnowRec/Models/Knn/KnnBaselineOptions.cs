using KnowRec.Models.Baseline;

namespace KnowRec.Models.Knn;

/// <summary>Options of <see cref="KnnBaselineModel"/>; defaults are Surprise's KNNBaseline with <c>pearson_baseline</c>, item-based.</summary>
public sealed record KnnBaselineOptions : IModelOptions
{
    /// <summary>k: most neighbours per prediction (default 40).</summary>
    public int Neighbours { get; init; } = 40;

    /// <summary>Fewest positive-similarity neighbours for the neighbour term to count; below it the prediction is b_ui (default 1).</summary>
    public int MinNeighbours { get; init; } = 1;

    /// <summary>λ of the similarity shrinkage (n − 1)/(n − 1 + λ) (Koren 2010, eq. 2; default 100).</summary>
    public float Shrinkage { get; init; } = 100f;

    /// <summary>Neighbours are users who rated the item instead of items the user rated (default false: item-based).</summary>
    public bool UserBased { get; init; }

    /// <summary>How the baselines are fitted (default ALS).</summary>
    public BaselineMethod BaselineMethod { get; init; } = BaselineMethod.Als;

    /// <summary>Baseline epochs; null means the method's default (10 for ALS, 20 for SGD).</summary>
    public int? BaselineEpochs { get; init; }

    /// <summary>ALS regularisation of the user biases (default 15).</summary>
    public float UserRegularization { get; init; } = 15f;

    /// <summary>ALS regularisation of the item biases (default 10).</summary>
    public float ItemRegularization { get; init; } = 10f;

    /// <summary>SGD regularisation of both biases (default 0.02).</summary>
    public float BaselineRegularization { get; init; } = 0.02f;

    /// <summary>SGD learning rate of the baselines (default 0.005).</summary>
    public float BaselineLearningRate { get; init; } = 0.005f;

    /// <summary>The baseline part of these options.</summary>
    public BaselineOptions ToBaselineOptions() => new()
    {
        Method = BaselineMethod,
        Epochs = BaselineEpochs,
        UserRegularization = UserRegularization,
        ItemRegularization = ItemRegularization,
        Regularization = BaselineRegularization,
        LearningRate = BaselineLearningRate,
    };

    /// <inheritdoc/>
    public void Validate()
    {
        if (Neighbours < 1)
        {
            throw new ArgumentException($"Neighbours must be at least 1, not {Neighbours}.", nameof(Neighbours));
        }

        if (MinNeighbours < 0 || MinNeighbours > Neighbours)
        {
            throw new ArgumentException($"MinNeighbours must lie in [0, Neighbours = {Neighbours}], not {MinNeighbours}.", nameof(MinNeighbours));
        }

        if (!(Shrinkage >= 0f && float.IsFinite(Shrinkage)))
        {
            throw new ArgumentException($"Shrinkage must be non-negative and finite, not {Shrinkage}.", nameof(Shrinkage));
        }

        try
        {
            ToBaselineOptions().Validate();
        }
        catch (ArgumentException e)
        {
            string name = e.ParamName switch
            {
                nameof(BaselineOptions.Method) => nameof(BaselineMethod),
                nameof(BaselineOptions.Epochs) => nameof(BaselineEpochs),
                nameof(BaselineOptions.Regularization) => nameof(BaselineRegularization),
                nameof(BaselineOptions.LearningRate) => nameof(BaselineLearningRate),
                _ => e.ParamName ?? "",
            };
            throw new ArgumentException(e.Message, name, e);
        }
    }
}
