namespace KnowRec.Knowledge.Embeddings;

/// <summary>The training loss of a knowledge-graph embedding.</summary>
public enum KgEmbeddingLoss
{
    /// <summary>Margin ranking: [γ + f(true) − f(corrupted)]₊ (Bordes et al. 2013, eq. 1; Lin et al. 2015, eq. 4).</summary>
    Margin,

    /// <summary>
    /// Negative-sampling logistic loss: −ln σ(γ − f(true)) − Σ p_i ln σ(f(corrupted_i) − γ), with self-adversarial
    /// weights p when <see cref="KgEmbeddingOptions.AdversarialTemperature"/> is above 0 (Sun et al. 2019, eqs. 4–5).
    /// </summary>
    Logistic,
}
