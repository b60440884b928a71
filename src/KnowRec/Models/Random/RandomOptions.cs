namespace KnowRec.Models.Random;

/// <summary>Options of <see cref="RandomModel"/>.</summary>
public sealed record RandomOptions : IModelOptions
{
    /// <summary>Seed of the per-(user, item) scores (default 42); another seed gives other rankings.</summary>
    public int Seed { get; init; } = 42;

    /// <inheritdoc/>
    public void Validate()
    {
    }
}
