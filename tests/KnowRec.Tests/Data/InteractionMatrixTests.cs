using KnowRec.Data;
using Xunit;

namespace KnowRec.Tests.Data;

public sealed class InteractionMatrixTests
{
    [Fact]
    public void FromEntries_SortsRows_AndSumsDuplicateCells()
    {
        var m = InteractionMatrix.FromEntries(3, 4, [new(0, 3, 1), new(0, 1, 2), new(2, 0, 5), new(0, 3, 4)]);
        Assert.Equal([1, 3], m.ItemsOf(0).ToArray());
        Assert.Equal([2f, 5f], m.ValuesOf(0).ToArray());
        Assert.Equal(0, m.CountOf(1));
        Assert.True(m.Contains(2, 0));
        Assert.False(m.Contains(1, 0));
        Assert.Equal(3, m.NonZeros);
        Assert.Equal(1 - (3.0 / 12), m.Sparsity, 12);
    }

    [Fact]
    public void FromEntries_Throws_OutsideShape() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InteractionMatrix.FromEntries(2, 2, [new(0, 2, 1)]));

    [Fact]
    public void Transpose_MatchesDenseTranspose_OnRandomMatrix()
    {
        var random = new Random(3);
        var rows = new List<Interaction>();
        var dense = new float[17, 23];
        for (int n = 0; n < 120; n++)
        {
            int u = random.Next(17);
            int i = random.Next(23);
            if (dense[u, i] == 0)
            {
                dense[u, i] = random.Next(1, 6);
                rows.Add(new(u, i, dense[u, i]));
            }
        }

        var t = InteractionMatrix.FromEntries(17, 23, rows).Transpose();
        Assert.Equal(23, t.Users);
        Assert.Equal(17, t.Items);
        for (int i = 0; i < 23; i++)
        {
            var expected = Enumerable.Range(0, 17).Where(u => dense[u, i] != 0).ToArray();
            Assert.Equal(expected, t.ItemsOf(i).ToArray());
            Assert.Equal(expected.Select(u => dense[u, i]), t.ValuesOf(i).ToArray());
        }
    }

    [Fact]
    public void FromCsr_Rejects_UnsortedColumns() =>
        Assert.Throws<InvalidDataException>(() => InteractionMatrix.FromCsr(1, 3, [0, 2], [2, 1], [1, 1]));
}
