using KnowRec.Models.Factorization;
using Xunit;

namespace KnowRec.Tests.Models.Factorization;

/// <summary>The SIMD user pass against a plain scalar transcription of the documented update order.</summary>
public sealed class SvdppReferenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(19)]
    [InlineData(64)]
    public void UserPass_EqualsScalarReference_ForSeveralRatings(int k)
    {
        // One user, three ratings of items 2, 0, 3 (visited in that order); N(u) = {0, 2, 3}; item 1 is not touched.
        const int Items = 4;
        var random = new Random(k);
        float[] Draw(int n) => [.. Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() - 0.5))];
        float[] p = Draw(k), q = Draw(Items * k), y = Draw(Items * k), itemBias = Draw(Items);
        float userBias = 0.3f, mean = 3.2f;
        int[] implicitItems = [0, 2, 3];
        Rating[] ratings = [new(0, 2, 5f), new(0, 0, 1f), new(0, 3, 4f)];
        var rates = new SgdRates(0.05f, 0.1f, 0.02f, 0.3f, 0.04f, 0.2f);

        var state = new BiasedFactors(k, mean, [userBias], (float[])itemBias.Clone(), (float[])p.Clone(), (float[])q.Clone(), float.NegativeInfinity, float.PositiveInfinity);
        float[] yFast = (float[])y.Clone();
        double fast = SvdppModel.UserPass(state, yFast, 0, implicitItems, ratings, rates, new float[k], new float[k]);

        // Scalar reference in double precision.
        double[] P = [.. p.Select(x => (double)x)], Q = [.. q.Select(x => (double)x)], Y = [.. y.Select(x => (double)x)], Bi = [.. itemBias.Select(x => (double)x)];
        double bu = userBias, norm = 1 / Math.Sqrt(implicitItems.Length), squared = 0;
        var z = new double[k];
        var g = new double[k];
        for (int f = 0; f < k; f++)
        {
            z[f] = implicitItems.Sum(j => Y[(j * k) + f]) * norm;
        }

        foreach (var r in ratings)
        {
            int i = r.Item;
            double dot = 0;
            for (int f = 0; f < k; f++)
            {
                dot += Q[(i * k) + f] * (P[f] + z[f]);
            }

            double e = r.Value - (mean + bu + Bi[i] + dot);
            squared += e * e;
            bu += rates.BiasRate * (e - (rates.BiasWeight * bu));
            Bi[i] += rates.BiasRate * (e - (rates.BiasWeight * Bi[i]));
            for (int f = 0; f < k; f++)
            {
                double pf = P[f], qf = Q[(i * k) + f];
                P[f] += rates.Rate * ((e * qf) - (rates.Weight * pf));
                Q[(i * k) + f] += rates.Rate * ((e * (pf + z[f])) - (rates.Weight * qf));
                g[f] += e * qf;
            }
        }

        double decay = Math.Pow(1 - (rates.ImplicitRate * rates.ImplicitWeight), ratings.Length);
        foreach (int j in implicitItems)
        {
            for (int f = 0; f < k; f++)
            {
                Y[(j * k) + f] = (decay * Y[(j * k) + f]) + (rates.ImplicitRate * norm * g[f]);
            }
        }

        var near = new FloatTolerance(2e-5f);
        Assert.Equal(squared, fast, 1e-4);
        Assert.Equal(bu, state.UserBias[0], 1e-5);
        Assert.Equal(Bi.Select(x => (float)x), state.ItemBias, near);
        Assert.Equal(P.Select(x => (float)x), state.UserFactors, near);
        Assert.Equal(Q.Select(x => (float)x), state.ItemFactors, near);
        Assert.Equal(Y.Select(x => (float)x), yFast, near);
        Assert.Equal(y.AsSpan(k, k).ToArray(), yFast.AsSpan(k, k).ToArray());
    }
}
