namespace KnowRec.Models;

/// <summary>Options of one model family: a sealed record with init properties and documented defaults.</summary>
public interface IModelOptions
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first property whose value is invalid.</summary>
    void Validate();
}
