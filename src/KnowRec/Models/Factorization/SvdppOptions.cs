namespace KnowRec.Models.Factorization;

/// <summary>Options of <see cref="SvdppModel"/>.</summary>
/// <remarks>
/// <para>
/// The defaults were tuned once, by grid search, on validation data only: for the first two or three of five seeded
/// folds of MovieLens-100K, a seeded random 20% of each fold's training rows was held out and RMSE measured on it; test
/// folds were never looked at. Surprise's defaults (20 factors, 20 epochs, all γ 0.007, all λ 0.02, σ 0.1) gave 0.933
/// validation RMSE; these give 0.906. What mattered: stronger factor regularisation (λ 0.08–0.1), a small start
/// (σ 0.02), more factors and epochs (100 and 30; 200 factors were no better), a smaller bias step (γ_b 0.003) and, above
/// all, a light penalty on y_j (λ_y 0.005–0.01; 0 diverges, 0.1 costs 0.006): every y_j decays once per rating of every
/// user who rated item j, so λ_y acts far more strongly than λ. γ_y between 0.003 and 0.015 made no difference.
/// </para>
/// <para>
/// Reproduce or extend the search with the validation grid in the benchmarks project, e.g.
/// <c>dotnet run -c Release --project benchmarks/KnowRec.Benchmarks -- tune ml-100k svdpp 3 Regularization=0.05,0.1</c>.
/// These are starting points for ratings on a 1–5 scale; other data deserve their own validation search.
/// </para>
/// </remarks>
public sealed record SvdppOptions : IModelOptions
{
    /// <summary>Length of the p_u, q_i and y_j factor vectors. Default 100.</summary>
    public int Factors { get; init; } = 100;

    /// <summary>Passes over the training ratings. Default 30.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>SGD step size γ for p_u and q_i. Default 0.01.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>L2 weight λ on p_u and q_i (per rating, as in Koren 2008 eq. 15). Default 0.08.</summary>
    public double Regularization { get; init; } = 0.08;

    /// <summary>SGD step size for the user and item biases. Default 0.003.</summary>
    public double BiasLearningRate { get; init; } = 0.003;

    /// <summary>L2 weight on the user and item biases. Default 0.02.</summary>
    public double BiasRegularization { get; init; } = 0.02;

    /// <summary>SGD step size for the implicit factors y_j. Default 0.007.</summary>
    public double ImplicitLearningRate { get; init; } = 0.007;

    /// <summary>L2 weight on the implicit factors y_j (per rating of the user). Default 0.005.</summary>
    public double ImplicitRegularization { get; init; } = 0.005;

    /// <summary>Standard deviation σ of the N(0, σ²) start of every p_u, q_i and y_j entry. Default 0.02.</summary>
    public double InitStdDev { get; init; } = 0.02;

    /// <summary>Seed of the factor start and of the order users and their ratings are visited in. Default 42.</summary>
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
        FactorOptionChecks.Rate(ImplicitLearningRate, nameof(ImplicitLearningRate));
        FactorOptionChecks.Weight(ImplicitRegularization, nameof(ImplicitRegularization));
        FactorOptionChecks.Weight(InitStdDev, nameof(InitStdDev));
    }
}
