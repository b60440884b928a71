namespace KnowRec.Models.Popularity;

/// <summary>How <see cref="PopularityModel"/> measures an item's popularity.</summary>
public enum PopularityWeighting
{
    /// <summary>Number of training users who interacted with the item.</summary>
    Users,

    /// <summary>Sum of the item's training values (ratings, play counts).</summary>
    ValueSum,
}
