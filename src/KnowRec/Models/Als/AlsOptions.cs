namespace KnowRec.Models.Als;

/// <summary>Options of <see cref="AlsModel"/> (implicit-feedback ALS, Hu, Koren, Volinsky 2008).</summary>
/// <remarks>
/// Defaults were chosen on a validation split carved from the training part of the ML-1M fixed split (never on its
/// test part); the tuning is written down in <c>docs/results.md</c>.
/// </remarks>
public sealed record AlsOptions : IModelOptions
{
    /// <summary>Number of latent factors k (default 64).</summary>
    public int Factors { get; init; } = 64;

    /// <summary>Number of sweeps; each solves all items, then all users (default 15).</summary>
    public int Iterations { get; init; } = 15;

    /// <summary>L2 weight λ on every factor vector, eq. 3 (default 50). λ is not scaled by the number of entries, so larger data sets want larger values.</summary>
    public float Regularization { get; init; } = 50f;

    /// <summary>Confidence slope α in c_ui = 1 + α·r_ui, eq. 2 (default 2); α = 0 weighs observed and missing cells alike.</summary>
    public float Alpha { get; init; } = 2f;

    /// <summary>Conjugate-gradient steps per user and sweep when <see cref="Solver"/> is conjugate gradient (default 3).</summary>
    public int CgSteps { get; init; } = 3;

    /// <summary>Solver of the per-user and per-item systems (default <see cref="AlsSolver.ConjugateGradient"/>).</summary>
    public AlsSolver Solver { get; init; } = AlsSolver.ConjugateGradient;

    /// <summary>Seed of the initial factors (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <inheritdoc/>
    public void Validate()
    {
        if (Factors is < 1 or > 1024)
        {
            throw new ArgumentException($"Factors must be in [1, 1024], got {Factors}.", nameof(Factors));
        }

        if (Iterations < 1)
        {
            throw new ArgumentException($"Iterations must be at least 1, got {Iterations}.", nameof(Iterations));
        }

        if (!(Regularization > 0) || !float.IsFinite(Regularization))
        {
            throw new ArgumentException($"Regularization must be positive and finite, got {Regularization}.", nameof(Regularization));
        }

        if (!(Alpha >= 0) || !float.IsFinite(Alpha))
        {
            throw new ArgumentException($"Alpha must be non-negative and finite, got {Alpha}.", nameof(Alpha));
        }

        if (CgSteps < 1)
        {
            throw new ArgumentException($"CgSteps must be at least 1, got {CgSteps}.", nameof(CgSteps));
        }

        if (!Enum.IsDefined(Solver))
        {
            throw new ArgumentException($"Solver {Solver} is not defined.", nameof(Solver));
        }
    }
}
