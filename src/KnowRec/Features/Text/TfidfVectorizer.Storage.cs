namespace KnowRec.Features.Text;

/// <content>Writing and reading the fitted vocabulary.</content>
internal sealed partial class TfidfVectorizer
{
    /// <summary>Writes the n-gram settings, document count, hashes and idf.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(WordMax);
        writer.Write(CharMin);
        writer.Write(CharMax);
        writer.Write(Documents);
        writer.Write(WordHashes.Length);
        writer.Write(CharHashes.Length);
        foreach (ulong h in WordHashes)
        {
            writer.Write(h);
        }

        foreach (ulong h in CharHashes)
        {
            writer.Write(h);
        }

        foreach (float v in Idf)
        {
            writer.Write(v);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static TfidfVectorizer Read(BinaryReader reader)
    {
        int wordMax = reader.ReadInt32(), charMin = reader.ReadInt32(), charMax = reader.ReadInt32(), documents = reader.ReadInt32();
        int words = reader.ReadInt32(), chars = reader.ReadInt32();
        if (words < 0 || chars < 0 || wordMax < 0 || charMax < 0 || documents < 0)
        {
            throw new InvalidDataException("TF-IDF vocabulary header holds a negative size.");
        }

        var wordHashes = new ulong[words];
        var charHashes = new ulong[chars];
        var idf = new float[words + chars];
        for (int j = 0; j < words; j++)
        {
            wordHashes[j] = reader.ReadUInt64();
        }

        for (int j = 0; j < chars; j++)
        {
            charHashes[j] = reader.ReadUInt64();
        }

        for (int j = 0; j < idf.Length; j++)
        {
            idf[j] = reader.ReadSingle();
        }

        return new TfidfVectorizer(wordMax, charMin, charMax, documents, wordHashes, charHashes, idf);
    }
}
