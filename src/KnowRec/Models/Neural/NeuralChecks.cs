namespace KnowRec.Models.Neural;

/// <summary>Option checks shared by the neural models' <c>Validate</c> methods; each names the property.</summary>
internal static class NeuralChecks
{
    public static void Range(int value, int low, int high, string name)
    {
        if (value < low || value > high)
        {
            throw new ArgumentException($"{name} must be in [{low}, {high}], got {value}.", name);
        }
    }

    public static void Positive(float value, string name)
    {
        if (!(value > 0) || !float.IsFinite(value))
        {
            throw new ArgumentException($"{name} must be positive and finite, got {value}.", name);
        }
    }

    public static void NotNegative(float value, string name)
    {
        if (!(value >= 0) || !float.IsFinite(value))
        {
            throw new ArgumentException($"{name} must be non-negative and finite, got {value}.", name);
        }
    }

    public static void Fraction(float value, string name)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentException($"{name} must be in [0, 1), got {value}.", name);
        }
    }

    public static void Share(float value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentException($"{name} must be in (0, 1), got {value}.", name);
        }
    }
}
