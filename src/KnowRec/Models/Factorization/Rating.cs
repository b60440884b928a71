using System.Runtime.CompilerServices;
using KnowRec.Data;

namespace KnowRec.Models.Factorization;

/// <summary>One training rating packed into 12 bytes, so an epoch streams through a shuffled array of them.</summary>
internal readonly record struct Rating(int User, int Item, float Value)
{
    /// <summary>The stored entries of <paramref name="matrix"/> as (user, item, value) rows, in CSR order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Rating[] AllOf(InteractionMatrix matrix)
    {
        var starts = matrix.RowStarts;
        var columns = matrix.Columns;
        var values = matrix.Values;
        var ratings = new Rating[matrix.NonZeros];
        for (int u = 0; u < matrix.Users; u++)
        {
            for (int k = starts[u]; k < starts[u + 1]; k++)
            {
                ratings[k] = new Rating(u, columns[k], values[k]);
            }
        }

        return ratings;
    }
}
