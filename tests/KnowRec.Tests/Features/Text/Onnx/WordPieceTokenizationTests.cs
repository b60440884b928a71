using KnowRec.Features.Text.Onnx;
using Xunit;

namespace KnowRec.Tests.Features.Text.Onnx;

/// <summary>Tokenisation with the real all-MiniLM-L6-v2 vocabulary: ids must be the vocab.txt line numbers of the expected word pieces.</summary>
public sealed class WordPieceTokenizationTests : IDisposable
{
    private const string Real = "all-MiniLM-L6-v2-tokenizer";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [ModelFact(Real)]
    public void Tokenize_KnownSentences_GiveVocabularyIds()
    {
        var (encoder, vocabulary) = OpenReal();
        using (encoder)
        {
            // Expected pieces by hand: BERT's basic tokenizer lower-cases, strips accents, splits punctuation and CJK
            // ideographs, then greedy longest-match WordPiece ("tokenization" → token ##ization: no longer prefix is in the vocabulary).
            (string Text, string[] Pieces)[] cases =
            [
                ("Hello, World!", ["hello", ",", "world", "!"]),
                ("The Tokenization of naïve CAFÉ résumés", ["the", "token", "##ization", "of", "naive", "cafe", "resume", "##s"]),
                ("東京 owner", ["東", "京", "owner"]),
                // ASCII symbols are punctuation (each its own piece); a word holding a character the vocabulary lacks is one [UNK].
                ("price $5 + tax = 10% snow\u2603man \u2603", ["price", "$", "5", "+", "tax", "=", "10", "%", "[UNK]", "[UNK]"]),
            ];
            foreach (var (text, pieces) in cases)
            {
                int[] expected = [101, .. pieces.Select(p => vocabulary[p]), 102];
                Assert.Equal(expected, encoder.Tokenize([text])[0]);
            }
        }
    }

    [ModelFact(Real)]
    public void Tokenize_LongText_StopsAtMaxLength()
    {
        var (encoder, vocabulary) = OpenReal();
        using (encoder)
        {
            string longText = string.Join(' ', Enumerable.Repeat("hello world", 400));
            int[] ids = encoder.Tokenize([longText])[0];
            Assert.Equal(256, ids.Length); // max_seq_length of all-MiniLM-L6-v2
            Assert.Equal(102, ids[^1]);
        }
    }

    [Fact]
    public void Tokenize_StripAccentsFalse_KeepsAccentedLetters()
    {
        var model = new TinyBert(TinyBertFolder.SmallVocabulary.Length, hidden: 4, positions: 20);
        using var folding = OnnxTextEncoder.Open(TinyBertFolder.Write(Path.Combine(_temp.Path, "strip"), model));
        using var keeping = OnnxTextEncoder.Open(TinyBertFolder.Write(Path.Combine(_temp.Path, "keep"), model, stripAccents: false));

        Assert.Equal(TinyBertFolder.IdOf("cafe"), folding.Tokenize(["Café"])[0][1]);
        Assert.Equal(TinyBertFolder.IdOf("[UNK]"), keeping.Tokenize(["Café"])[0][1]);
    }

    [Fact]
    public void AccentFolding_MatchesUnicodeDecomposition()
    {
        // Ł has no decomposition (its stroke is not a combining mark), so it stays, as with NFD.
        Assert.Equal("Cafe naive Ecole Angstrom Dvorak \u0141odz", AccentFolding.Fold("Caf\u00e9 na\u00efve \u00c9cole \u00c5ngstr\u00f6m Dvo\u0159\u00e1k \u0141\u00f3d\u017a"));
        const string plain = "plain ascii";
        Assert.Same(plain, AccentFolding.Fold(plain));
    }

    private (OnnxTextEncoder Encoder, Dictionary<string, int> Vocabulary) OpenReal()
    {
        string[] lines = File.ReadAllLines(Path.Combine(TestModels.PathOf(Real), "vocab.txt"));
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Length; i++)
        {
            vocabulary.TryAdd(lines[i], i);
        }

        // A tiny graph over the real vocabulary and the real tokenizer configs.
        var model = new TinyBert(lines.Length, hidden: 4, positions: 512);
        TinyBertFolder.Write(_temp.Path, model, lines, maxSequenceLength: 256);
        foreach (string file in new[] { "tokenizer_config.json", "sentence_bert_config.json" })
        {
            File.Copy(Path.Combine(TestModels.PathOf(Real), file), Path.Combine(_temp.Path, file), overwrite: true);
        }

        return (OnnxTextEncoder.Open(_temp.Path), vocabulary);
    }
}
