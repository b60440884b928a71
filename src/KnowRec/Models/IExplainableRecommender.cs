namespace KnowRec.Models;

/// <summary>A model whose score for (user, item) splits into contributions of the user's history items.</summary>
/// <remarks>
/// For neighbourhood models the contributions are the neighbour terms of the prediction; for ALS they are the exact
/// decomposition of the score over the history (Hu, Koren, Volinsky 2008, §5). Thread-safe like every fitted model.
/// </remarks>
public interface IExplainableRecommender : IRecommender
{
    /// <summary>The <paramref name="count"/> history items that contributed most to the score of <paramref name="item"/>, largest first.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The user or item index is unknown, or the count is negative.</exception>
    IReadOnlyList<Contribution> Explain(int user, int item, int count);
}
