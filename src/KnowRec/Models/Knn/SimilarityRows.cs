using KnowRec.Storage;

namespace KnowRec.Models.Knn;

/// <summary>A sparse symmetric-or-not similarity matrix: per entity, its neighbours ascending by index with their similarities.</summary>
/// <remarks>Rows are sorted by neighbour index so that a prediction is one merge with a sorted rating row. Immutable.</remarks>
internal sealed class SimilarityRows
{
    private readonly int[] _starts;
    private readonly int[] _neighbours;
    private readonly float[] _similarities;

    public SimilarityRows(int[] starts, int[] neighbours, float[] similarities)
    {
        if (starts.Length == 0 || starts[^1] != neighbours.Length || neighbours.Length != similarities.Length)
        {
            throw new InvalidDataException("Similarity rows have inconsistent lengths.");
        }

        int entities = starts.Length - 1;
        for (int x = 0; x < entities; x++)
        {
            for (int k = starts[x]; k < starts[x + 1]; k++)
            {
                if ((uint)neighbours[k] >= (uint)entities || (k > starts[x] && neighbours[k] <= neighbours[k - 1]))
                {
                    throw new InvalidDataException($"Similarity row {x} has an out-of-range or unsorted neighbour.");
                }
            }
        }

        _starts = starts;
        _neighbours = neighbours;
        _similarities = similarities;
    }

    public int Entities => _starts.Length - 1;

    public int NonZeros => _neighbours.Length;

    public ReadOnlySpan<int> NeighboursOf(int x) => _neighbours.AsSpan(_starts[x], _starts[x + 1] - _starts[x]);

    public ReadOnlySpan<float> SimilaritiesOf(int x) => _similarities.AsSpan(_starts[x], _starts[x + 1] - _starts[x]);

    /// <summary>Concatenates rows computed one by one (in entity order) into CSR arrays.</summary>
    public static SimilarityRows FromRows(IReadOnlyList<(int[] Neighbours, float[] Similarities)> rows)
    {
        var starts = new int[rows.Count + 1];
        for (int x = 0; x < rows.Count; x++)
        {
            starts[x + 1] = starts[x] + rows[x].Neighbours.Length;
        }

        var neighbours = new int[starts[^1]];
        var similarities = new float[starts[^1]];
        for (int x = 0; x < rows.Count; x++)
        {
            rows[x].Neighbours.CopyTo(neighbours, starts[x]);
            rows[x].Similarities.CopyTo(similarities, starts[x]);
        }

        return new SimilarityRows(starts, neighbours, similarities);
    }

    public void Save(ModelFileWriter writer)
    {
        writer.Write(_starts);
        writer.Write(_neighbours);
        writer.Write(_similarities);
    }

    public static SimilarityRows Load(ModelFileReader reader, int entities)
    {
        var rows = new SimilarityRows(reader.ReadInt32Array(), reader.ReadInt32Array(), reader.ReadSingleArray());
        return rows.Entities == entities ? rows : throw new InvalidDataException($"Similarity matrix has {rows.Entities} rows, expected {entities}.");
    }
}
