namespace KnowRec.Models.Hybrid;

/// <summary>The recommender that <see cref="KarModel"/> augments with knowledge vectors.</summary>
public enum KarBackbone
{
    /// <summary>Two towers (Yi et al. 2019): the augmented vectors join each tower's features; sampled softmax.</summary>
    TwoTower,

    /// <summary>NeuMF (He et al. 2017): the augmented vectors join the MLP input beside the id embeddings; pointwise log loss.</summary>
    Ncf,
}
