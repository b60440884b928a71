namespace KnowRec.Models.Factorization;

/// <summary>Range checks shared by the factor models' options; each names the offending property.</summary>
internal static class FactorOptionChecks
{
    public static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");
        }
    }

    public static void Rate(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number greater than 0.");
        }
    }

    public static void Weight(double value, string name)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number of at least 0.");
        }
    }
}
