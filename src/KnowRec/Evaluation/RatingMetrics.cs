namespace KnowRec.Evaluation;

/// <summary>Rating-prediction error metrics over aligned (predicted, actual) pairs.</summary>
/// <remarks>Pure and thread-safe. Sums run in double precision so long test sets lose no accuracy.</remarks>
public static class RatingMetrics
{
    /// <summary>Root mean squared error: RMSE = √( (1/n) Σ (p_j − a_j)² ).</summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static double Rmse(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual)
    {
        Check(predicted, actual);
        double sum = 0;
        for (int j = 0; j < predicted.Length; j++)
        {
            double error = (double)predicted[j] - actual[j];
            sum += error * error;
        }

        return Math.Sqrt(sum / predicted.Length);
    }

    /// <summary>Mean absolute error: MAE = (1/n) Σ |p_j − a_j|.</summary>
    /// <exception cref="ArgumentException">The spans differ in length or are empty.</exception>
    public static double Mae(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual)
    {
        Check(predicted, actual);
        double sum = 0;
        for (int j = 0; j < predicted.Length; j++)
        {
            sum += Math.Abs((double)predicted[j] - actual[j]);
        }

        return sum / predicted.Length;
    }

    private static void Check(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual)
    {
        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException($"{predicted.Length} predictions but {actual.Length} actual values.", nameof(actual));
        }

        if (predicted.IsEmpty)
        {
            throw new ArgumentException("No (predicted, actual) pairs.", nameof(predicted));
        }
    }
}
