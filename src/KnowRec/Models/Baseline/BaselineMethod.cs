namespace KnowRec.Models.Baseline;

/// <summary>How <see cref="BaselineBiases"/> fits the user and item biases.</summary>
public enum BaselineMethod
{
    /// <summary>Alternating closed-form updates: items given users, then users given items (Koren 2010, §2.1; Surprise's baseline ALS).</summary>
    Als,

    /// <summary>Stochastic gradient descent on the regularised squared error (Koren 2010, eq. 3).</summary>
    Sgd,
}
