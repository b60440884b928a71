using KnowRec.Models.Factorization;

namespace KnowRec.Tests.Models.Factorization;

/// <summary>Central finite differences of a loss over a flat parameter vector, in double precision.</summary>
public static class FactorTestMath
{
    public static double[] Gradient(Func<double[], double> loss, double[] at, double h = 1e-5)
    {
        var gradient = new double[at.Length];
        for (int k = 0; k < at.Length; k++)
        {
            var plus = (double[])at.Clone();
            var minus = (double[])at.Clone();
            plus[k] += h;
            minus[k] -= h;
            gradient[k] = (loss(plus) - loss(minus)) / (2 * h);
        }

        return gradient;
    }

    internal static BiasedFactors OneRating(float mean, float userBias, float itemBias, float[] p, float[] q) =>
        new(p.Length, mean, [userBias], [itemBias], (float[])p.Clone(), (float[])q.Clone(), 1f, 5f);
}
