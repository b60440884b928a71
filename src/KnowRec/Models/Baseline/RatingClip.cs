using KnowRec.Data;
using KnowRec.Storage;

namespace KnowRec.Models.Baseline;

/// <summary>Clamps predictions to a dataset's rating scale, as Surprise does by default; a no-op for implicit data.</summary>
/// <param name="Min">Smallest valid rating (negative infinity when unbounded).</param>
/// <param name="Max">Largest valid rating (positive infinity when unbounded).</param>
public readonly record struct RatingClip(float Min, float Max)
{
    /// <summary>No clipping.</summary>
    public static RatingClip None => new(float.NegativeInfinity, float.PositiveInfinity);

    /// <summary>The scale of <paramref name="data"/>, or <see cref="None"/> when it has none.</summary>
    public static RatingClip Of(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.RatingScale is { } scale ? new RatingClip(scale.Min, scale.Max) : None;
    }

    /// <summary>The value clamped into [Min, Max].</summary>
    public float Apply(float value) => Math.Clamp(value, Min, Max);

    /// <summary>Writes both bounds.</summary>
    public void Save(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Min);
        writer.Write(Max);
    }

    /// <summary>Reads what <see cref="Save"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The bounds are out of order.</exception>
    public static RatingClip Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var clip = new RatingClip(reader.ReadSingle(), reader.ReadSingle());
        return clip.Min <= clip.Max ? clip : throw new InvalidDataException($"Rating scale [{clip.Min}, {clip.Max}] is out of order.");
    }
}
