using System.Runtime.InteropServices;
using KnowRec.Numerics;

namespace KnowRec.Features.Text;

/// <summary>
/// A fitted TF-IDF vocabulary over two blocks of features, word n-grams and character n-grams (see <see cref="NGramHasher"/>).
/// </summary>
/// <remarks>
/// Weight of feature j in a text: w_j = (1 + ln tf_j) · idf_j (sublinear tf; Manning, Raghavan, Schütze 2008, eq. 6.13)
/// with the smoothed idf_j = ln((1 + N) / (1 + df_j)) + 1 (scikit-learn's <c>smooth_idf</c>: as if one extra document held
/// every term, so no idf is zero or infinite). Each block is L2-normalised on its own and the two are joined with equal
/// weight 1/√2 (a scikit-learn FeatureUnion of two normalised vectorisers, re-normalised): character n-grams outnumber
/// words about five to one, and one shared norm would let them drown the words. A text with features in only one block
/// gets that block at norm 1. Features of fewer than <see cref="TfidfLsaOptions.MinDocumentFrequency"/> documents are
/// dropped; beyond <see cref="TfidfLsaOptions.MaxFeatures"/> the most frequent are kept (ties: lower hash).
/// Immutable after fitting, so <see cref="Transform"/> is thread-safe.
/// </remarks>
internal sealed partial class TfidfVectorizer
{
    private readonly Dictionary<ulong, int> _words;
    private readonly Dictionary<ulong, int> _chars;

    private TfidfVectorizer(int wordMax, int charMin, int charMax, int documents, ulong[] wordHashes, ulong[] charHashes, float[] idf)
    {
        WordMax = wordMax;
        CharMin = charMin;
        CharMax = charMax;
        Documents = documents;
        WordHashes = wordHashes;
        CharHashes = charHashes;
        Idf = idf;
        _words = new Dictionary<ulong, int>(wordHashes.Length);
        for (int j = 0; j < wordHashes.Length; j++)
        {
            _words[wordHashes[j]] = j;
        }

        _chars = new Dictionary<ulong, int>(charHashes.Length);
        for (int j = 0; j < charHashes.Length; j++)
        {
            _chars[charHashes[j]] = wordHashes.Length + j;
        }
    }

    public int WordMax { get; }

    public int CharMin { get; }

    public int CharMax { get; }

    /// <summary>Number of documents the idf was computed on.</summary>
    public int Documents { get; }

    /// <summary>Hashes of the word features, columns 0 … W − 1.</summary>
    public ulong[] WordHashes { get; }

    /// <summary>Hashes of the character features, columns W … D − 1.</summary>
    public ulong[] CharHashes { get; }

    /// <summary>idf of each column.</summary>
    public float[] Idf { get; }

    /// <summary>D, the number of columns.</summary>
    public int Features => Idf.Length;

    /// <summary>Column of a word unigram, or −1 when it is not in the vocabulary (for tests and explanations).</summary>
    public int ColumnOfWord(string word) => _words.GetValueOrDefault(NGramHasher.Word(word.ToLowerInvariant()), -1);

    /// <summary>Column of a character n-gram such as <c>" ca"</c>, or −1.</summary>
    public int ColumnOfChars(string gram) => _chars.GetValueOrDefault(NGramHasher.Chars(gram), -1);

    /// <summary>Fits the vocabulary and idf on <paramref name="corpus"/> and returns the corpus's TF-IDF rows as a CSR matrix.</summary>
    public static (TfidfVectorizer Vectorizer, SparseMatrix Rows) Fit(IReadOnlyList<string> corpus, TfidfLsaOptions options)
    {
        int n = corpus.Count;
        int threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        int charMax = options.CharNGramMax;
        var counts = new DocumentCounts[n];
        Parallel.For(0, n, parallel, () => new Scratch(), (i, _, scratch) =>
        {
            counts[i] = Count(corpus[i] ?? string.Empty, options.WordNGramMax, options.CharNGramMin, charMax, scratch);
            return scratch;
        }, _ => { });

        // Document frequencies: part p counts the hashes ≡ p (mod parts), so parts never share a key.
        var wordDf = CountDocuments(counts, static d => d.WordHashes, threads, parallel);
        var charDf = CountDocuments(counts, static d => d.CharHashes, threads, parallel);
        var kept = wordDf.Select(p => (Hash: p.Key, Df: p.Value, Word: true))
            .Concat(charDf.Select(p => (Hash: p.Key, Df: p.Value, Word: false)))
            .Where(f => f.Df >= options.MinDocumentFrequency)
            .OrderByDescending(f => f.Df).ThenBy(f => f.Hash).ThenBy(f => f.Word)
            .Take(options.MaxFeatures)
            .ToList();
        ulong[] wordHashes = [.. kept.Where(f => f.Word).Select(f => f.Hash).Order()];
        ulong[] charHashes = [.. kept.Where(f => !f.Word).Select(f => f.Hash).Order()];
        var idf = new float[wordHashes.Length + charHashes.Length];
        for (int j = 0; j < wordHashes.Length; j++)
        {
            idf[j] = InverseDocumentFrequency(n, wordDf[wordHashes[j]]);
        }

        for (int j = 0; j < charHashes.Length; j++)
        {
            idf[wordHashes.Length + j] = InverseDocumentFrequency(n, charDf[charHashes[j]]);
        }

        var vectorizer = new TfidfVectorizer(options.WordNGramMax, options.CharNGramMin, charMax, n, wordHashes, charHashes, idf);
        var rows = new (int[] Columns, float[] Values)[n];
        Parallel.For(0, n, parallel, i =>
        {
            var (columns, values) = vectorizer.Weigh(counts[i]);
            Array.Sort(columns, values);
            rows[i] = (columns, values);
        });

        var starts = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            starts[i + 1] = checked(starts[i] + rows[i].Columns.Length);
        }

        var allColumns = new int[starts[n]];
        var allValues = new float[starts[n]];
        for (int i = 0; i < n; i++)
        {
            rows[i].Columns.CopyTo(allColumns, starts[i]);
            rows[i].Values.CopyTo(allValues, starts[i]);
        }

        return (vectorizer, SparseMatrix.FromCsr(n, idf.Length, starts, allColumns, allValues));
    }

    /// <summary>The TF-IDF row of one text: its columns (in no particular order) and weights; unknown features are ignored.</summary>
    public (int[] Columns, float[] Values) Transform(string text) => Weigh(Count(text, WordMax, CharMin, CharMax, new Scratch()));

    private static float InverseDocumentFrequency(int documents, int df) => (float)(Math.Log((1.0 + documents) / (1.0 + df)) + 1.0);

    private static Dictionary<ulong, int> CountDocuments(DocumentCounts[] counts, Func<DocumentCounts, ulong[]> block, int parts, ParallelOptions parallel)
    {
        var partial = new Dictionary<ulong, int>[parts];
        Parallel.For(0, parts, parallel, p =>
        {
            var df = new Dictionary<ulong, int>();
            foreach (var document in counts)
            {
                foreach (ulong hash in block(document))
                {
                    if ((int)(hash % (ulong)parts) == p)
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(df, hash, out _)++;
                    }
                }
            }

            partial[p] = df;
        });
        var all = new Dictionary<ulong, int>(partial.Sum(d => d.Count));
        foreach (var part in partial)
        {
            foreach (var (hash, df) in part)
            {
                all[hash] = df;
            }
        }

        return all;
    }
}
