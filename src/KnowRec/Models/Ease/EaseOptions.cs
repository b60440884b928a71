namespace KnowRec.Models.Ease;

/// <summary>Options of <see cref="EaseModel"/>.</summary>
public sealed record EaseOptions : IModelOptions
{
    /// <summary>
    /// L2 penalty λ added to the diagonal of XᵀX (Steck 2019, eq. 8). Default null: λ is chosen from the data as
    /// <see cref="RegularizationScale"/> × the mean number of users per item, so it grows with the data's density.
    /// </summary>
    public double? Regularization { get; init; }

    /// <summary>
    /// λ per user of the average item (λ = scale × nnz(X) / items), used when <see cref="Regularization"/> is not set
    /// (default 7). It is the best of a grid on a validation split carved from the ML-1M training rows only (user-ratio
    /// 80/20, seed 42); the same grid on ml-100k training rows peaks at 12 and is 1.0 % below that peak at 7. On the
    /// full ML-1M training set it gives λ ≈ 1,510; see docs/results.md for the grid.
    /// </summary>
    public double RegularizationScale { get; init; } = 7.0;

    /// <inheritdoc/>
    public void Validate()
    {
        if (Regularization is { } lambda && !(lambda > 0 && double.IsFinite(lambda)))
        {
            throw new ArgumentException($"Regularization must be a positive finite number, not {lambda}.", nameof(Regularization));
        }

        if (!(RegularizationScale > 0 && double.IsFinite(RegularizationScale)))
        {
            throw new ArgumentException($"RegularizationScale must be a positive finite number, not {RegularizationScale}.", nameof(RegularizationScale));
        }
    }

    /// <summary>The λ to use for a matrix with <paramref name="nonZeros"/> entries over <paramref name="items"/> items.</summary>
    public double LambdaFor(long nonZeros, int items) =>
        Regularization ?? (RegularizationScale * Math.Max(1.0, (double)nonZeros / Math.Max(1, items)));
}
