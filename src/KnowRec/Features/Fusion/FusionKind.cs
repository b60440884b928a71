namespace KnowRec.Features.Fusion;

/// <summary>How <see cref="FusionModule"/> combines the projected per-source vectors of one item.</summary>
public enum FusionKind
{
    /// <summary><see cref="ConcatFusion"/>: the projections side by side, then one linear map.</summary>
    Concat,

    /// <summary><see cref="WeightedFusion"/>: a learned scalar weight per source, softmax-normalised over the sources present.</summary>
    Weighted,

    /// <summary><see cref="AttentionFusion"/>: per-item attention over the sources present.</summary>
    Attention,

    /// <summary><see cref="GatedFusion"/>: a learned gate between the collaborative vector and the knowledge vector.</summary>
    Gated,
}
