using KnowRec.Models.Als;
using KnowRec.Storage;

namespace KnowRec.Models.KnowledgeAware;

/// <summary>The final user and item vectors of a propagation model, scored by inner product ŷ(u, i) = e_uᵀ e_i.</summary>
/// <remarks>
/// Rows are padded to <see cref="FactorKernels.Stride"/>; a factor-major copy of the items serves full-catalogue
/// scoring, and a single score is computed the same way, so both agree bit for bit. Immutable and thread-safe.
/// </remarks>
internal sealed class RepresentationTable
{
    private readonly float[] _users;
    private readonly float[] _items;
    private readonly float[] _itemsByFactor;
    private readonly int _stride;

    /// <summary>Takes <paramref name="users"/> and <paramref name="items"/> (rows of <see cref="FactorKernels.Stride"/>(<paramref name="width"/>)).</summary>
    public RepresentationTable(int width, float[] users, float[] items, int userCount, int itemCount)
    {
        Width = width;
        _stride = FactorKernels.Stride(width);
        if (users.Length != userCount * _stride || items.Length != itemCount * _stride)
        {
            throw new InvalidDataException($"Representation arrays have lengths {users.Length}, {items.Length}; expected {userCount * _stride}, {itemCount * _stride}.");
        }

        _users = users;
        _items = items;
        _itemsByFactor = FactorKernels.Transpose(items, itemCount, _stride, width);
    }

    /// <summary>Length of each representation.</summary>
    public int Width { get; }

    /// <summary>
    /// Rows <paramref name="userRows"/> of <paramref name="userSource"/> and <paramref name="itemRows"/> of
    /// <paramref name="itemSource"/> (dense, <paramref name="width"/> wide) as padded arrays; users listed as -1 get zeros.
    /// </summary>
    public static RepresentationTable FromRows(ReadOnlySpan<float> userSource, int[] userRows, ReadOnlySpan<float> itemSource, int[] itemRows, int width)
    {
        int stride = FactorKernels.Stride(width);
        var users = new float[userRows.Length * stride];
        var items = new float[itemRows.Length * stride];
        for (int u = 0; u < userRows.Length; u++)
        {
            if (userRows[u] >= 0)
            {
                userSource.Slice(userRows[u] * width, width).CopyTo(users.AsSpan(u * stride));
            }
        }

        for (int i = 0; i < itemRows.Length; i++)
        {
            itemSource.Slice(itemRows[i] * width, width).CopyTo(items.AsSpan(i * stride));
        }

        return new RepresentationTable(width, users, items, userRows.Length, itemRows.Length);
    }

    /// <summary>The vector of a user.</summary>
    public ReadOnlySpan<float> User(int user) => _users.AsSpan(user * _stride, Width);

    /// <summary>The vector of an item.</summary>
    public ReadOnlySpan<float> Item(int item) => _items.AsSpan(item * _stride, Width);

    /// <summary>ŷ(u, i).</summary>
    public float Score(int user, int item) =>
        FactorKernels.ScoreOne(_users.AsSpan(user * _stride, _stride), _items.AsSpan(item * _stride, _stride), Width);

    /// <summary>ŷ(u, ·) for every item.</summary>
    public void ScoreAll(int user, Span<float> scores) =>
        FactorKernels.ScoreByFactor(_itemsByFactor, _users.AsSpan(user * _stride, _stride), Width, scores);

    /// <summary>Writes the two arrays.</summary>
    public void Write(ModelFileWriter writer)
    {
        writer.Write(_users);
        writer.Write(_items);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static RepresentationTable Read(ModelFileReader reader, int width, int userCount, int itemCount)
    {
        float[] users = reader.ReadSingleArray();
        float[] items = reader.ReadSingleArray();
        return new RepresentationTable(width, users, items, userCount, itemCount);
    }
}
