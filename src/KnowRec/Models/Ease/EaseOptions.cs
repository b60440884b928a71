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
    /// λ per user of the average item, used when <see cref="Regularization"/> is not set (default 2.0). Chosen on validation
    /// splits carved from the training data only of ml-100k and ML-1M (see docs/results.md), where it lands near the
    /// best λ of both: λ ≈ 430 on ML-1M (Steck's λ = 500 region) and ≈ 95 on ml-100k.
    /// </summary>
    public double RegularizationScale { get; init; } = 2.0;

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
