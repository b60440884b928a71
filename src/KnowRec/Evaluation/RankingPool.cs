namespace KnowRec.Evaluation;

/// <summary>The items a full ranking runs over.</summary>
public enum RankingPool
{
    /// <summary>The whole catalogue minus each user's training items.</summary>
    Catalogue,

    /// <summary>
    /// Only the items with no training row at all: the cold-start protocol of DropoutNet (Volkovs et al. 2017, §4) and
    /// CLCRec (Wei et al. 2021, §5.1). Ranked against the warm catalogue, cold items would lose to every item with
    /// collaborative signal, and the metric would measure that gap instead of how well the cold items are ordered.
    /// </summary>
    ColdItems,
}
