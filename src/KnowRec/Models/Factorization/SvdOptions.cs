namespace KnowRec.Models.Factorization;

/// <summary>Options of <see cref="SvdModel"/>.</summary>
/// <remarks>
/// <para>
/// The defaults were tuned once, by grid search, on validation data only: for the first three of five seeded folds
/// of MovieLens-100K, a seeded random 20% of each fold's training rows was held out and RMSE measured on it; test folds
/// were never looked at. Against Surprise's defaults (100 factors, 20 epochs, γ 0.005, λ 0.02, σ 0.1), stronger factor
/// regularisation with a larger step (λ 0.1, γ 0.02), 25 epochs, a smaller start (σ 0.02) and 50 factors lowered
/// validation RMSE from 0.948 to 0.918; 100 factors were no better and twice as slow, and bias step and penalty
/// between 0.005 and 0.02 changed it by under 0.001.
/// </para>
/// <para>
/// Reproduce or extend the search with the validation grid in the benchmarks project, e.g.
/// <c>dotnet run -c Release --project benchmarks/KnowRec.Benchmarks -- tune ml-100k svd 3 Regularization=0.05,0.1</c>.
/// These are starting points for ratings on a 1–5 scale; other data deserve their own validation search.
/// </para>
/// </remarks>
public sealed record SvdOptions : IModelOptions
{
    /// <summary>Length of each user and item factor vector. Default 50.</summary>
    public int Factors { get; init; } = 50;

    /// <summary>Passes over the training ratings. Default 25.</summary>
    public int Epochs { get; init; } = 25;

    /// <summary>SGD step size γ for the factors. Default 0.02.</summary>
    public double LearningRate { get; init; } = 0.02;

    /// <summary>L2 weight λ on the factors (per rating, as in Koren et al. eq. 5). Default 0.1.</summary>
    public double Regularization { get; init; } = 0.1;

    /// <summary>SGD step size for the user and item biases. Default 0.005.</summary>
    public double BiasLearningRate { get; init; } = 0.005;

    /// <summary>L2 weight on the user and item biases. Default 0.02.</summary>
    public double BiasRegularization { get; init; } = 0.02;

    /// <summary>Standard deviation σ of the N(0, σ²) start of every factor. Default 0.02.</summary>
    public double InitStdDev { get; init; } = 0.02;

    /// <summary>Seed of the factor start and of the order ratings are visited in. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <inheritdoc/>
    public void Validate()
    {
        FactorOptionChecks.Positive(Factors, nameof(Factors));
        FactorOptionChecks.Positive(Epochs, nameof(Epochs));
        FactorOptionChecks.Rate(LearningRate, nameof(LearningRate));
        FactorOptionChecks.Weight(Regularization, nameof(Regularization));
        FactorOptionChecks.Rate(BiasLearningRate, nameof(BiasLearningRate));
        FactorOptionChecks.Weight(BiasRegularization, nameof(BiasRegularization));
        FactorOptionChecks.Weight(InitStdDev, nameof(InitStdDev));
    }
}
