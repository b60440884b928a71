using KnowRec.Data;
using KnowRec.Numerics;

namespace KnowRec.Models.Graph;

/// <summary>The symmetrically normalised adjacency matrix of the user–item graph (He et al. 2020, eq. 7).</summary>
internal static class LightGcnGraph
{
    /// <summary>
    /// Ã = D^−½ A D^−½ over users + items nodes (users first, then item i at node users + i), where A = [[0, R], [Rᵀ, 0]]
    /// and R has a 1 for every stored training pair; entry (u, i) is 1 / √(|N_u|·|N_i|) (eq. 3).
    /// </summary>
    /// <remarks>Nodes without edges get empty rows, so they propagate nothing (the official code's inf → 0).</remarks>
    public static SparseMatrix Normalized(InteractionMatrix matrix)
    {
        int users = matrix.Users, items = matrix.Items, nodes = users + items;
        var byItem = matrix.Transpose();
        var userScale = new float[users];
        var itemScale = new float[items];
        for (int u = 0; u < users; u++)
        {
            userScale[u] = Scale(matrix.CountOf(u));
        }

        for (int i = 0; i < items; i++)
        {
            itemScale[i] = Scale(byItem.CountOf(i));
        }

        // User rows list item nodes, item rows list user nodes, both in ascending order as the CSR inputs hold them.
        // Entries are userScale·itemScale in both rows, so the matrix is exactly symmetric and is its own transpose.
        var starts = new int[nodes + 1];
        var columns = new int[2 * matrix.NonZeros];
        var values = new float[2 * matrix.NonZeros];
        int at = 0;
        for (int u = 0; u < users; u++)
        {
            foreach (int i in matrix.ItemsOf(u))
            {
                columns[at] = users + i;
                values[at++] = userScale[u] * itemScale[i];
            }

            starts[u + 1] = at;
        }

        for (int i = 0; i < items; i++)
        {
            foreach (int u in byItem.ItemsOf(i))
            {
                columns[at] = u;
                values[at++] = userScale[u] * itemScale[i];
            }

            starts[users + i + 1] = at;
        }

        return SparseMatrix.FromCsr(nodes, nodes, starts, columns, values);
    }

    private static float Scale(int degree) => degree == 0 ? 0f : (float)(1.0 / Math.Sqrt(degree));
}
