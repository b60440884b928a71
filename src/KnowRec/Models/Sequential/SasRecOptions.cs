namespace KnowRec.Models.Sequential;

/// <summary>Options of <see cref="SasRecModel"/> (SASRec, Kang &amp; McAuley 2018).</summary>
/// <remarks>
/// Defaults follow the paper's Section IV-B (d = 50, two blocks, one head, Adam at 0.001, batches of 128, n = 50 and
/// dropout 0.2); epochs, n and dropout were checked on validation rows carved from the training part of ml-100k and
/// ML-1M leave-last-out splits (each user's last training item), never on test rows: see docs/results.md, section
/// "SASRec". The paper reads n = 200 items on ML-1M, where histories are long (165 ratings per user on average); pass
/// MaxLength = 200 there.
/// </remarks>
public sealed record SasRecOptions : IModelOptions
{
    /// <summary>Longest history n the model reads: training uses each user's last n + 1 items, recommending their last n (default 50).</summary>
    public int MaxLength { get; init; } = 50;

    /// <summary>Width d of item, position and hidden vectors (default 50).</summary>
    public int Factors { get; init; } = 50;

    /// <summary>Stacked self-attention blocks b (default 2).</summary>
    public int Blocks { get; init; } = 2;

    /// <summary>Attention heads per block; must divide <see cref="Factors"/> (default 1, as in the paper).</summary>
    public int Heads { get; init; } = 1;

    /// <summary>Dropout rate on the embeddings, the attention weights and the feed-forward layers, in [0, 1) (default 0.2).</summary>
    public float Dropout { get; init; } = 0.2f;

    /// <summary>Adam step size (default 0.001).</summary>
    public float LearningRate { get; init; } = 0.001f;

    /// <summary>Users per mini-batch (default 128).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Passes over the users; each pass trains on every user with at least two items once (default 200).</summary>
    public int Epochs { get; init; } = 200;

    /// <summary>Seed of the initial weights, the user order, the negatives and the dropout masks (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <inheritdoc/>
    public void Validate()
    {
        if (MaxLength is < 1 or > 4096)
        {
            throw new ArgumentException($"MaxLength must be in [1, 4096], got {MaxLength}.", nameof(MaxLength));
        }

        if (Factors is < 1 or > 4096)
        {
            throw new ArgumentException($"Factors must be in [1, 4096], got {Factors}.", nameof(Factors));
        }

        if (Blocks is < 0 or > 64)
        {
            throw new ArgumentException($"Blocks must be in [0, 64], got {Blocks}.", nameof(Blocks));
        }

        if (Heads < 1 || Factors % Heads != 0)
        {
            throw new ArgumentException($"Heads must be positive and divide Factors ({Factors}), got {Heads}.", nameof(Heads));
        }

        if (!(Dropout >= 0f && Dropout < 1f))
        {
            throw new ArgumentException($"Dropout must be in [0, 1), got {Dropout}.", nameof(Dropout));
        }

        if (!(LearningRate > 0f) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentException($"LearningRate must be positive and finite, got {LearningRate}.", nameof(LearningRate));
        }

        if (BatchSize is < 1 or > 65536)
        {
            throw new ArgumentException($"BatchSize must be in [1, 65536], got {BatchSize}.", nameof(BatchSize));
        }

        if (Epochs < 1)
        {
            throw new ArgumentException($"Epochs must be at least 1, got {Epochs}.", nameof(Epochs));
        }
    }
}
