using System.Globalization;
using Microsoft.ML.Tokenizers;

namespace KnowRec.Features.Text.Onnx;

/// <summary>BERT's basic word split: runs of non-space characters, with every punctuation character a word of its own.</summary>
/// <remarks>
/// As in Hugging Face's BasicTokenizer (and Google's original tokenization.py): punctuation is any Unicode P* character
/// or an ASCII non-alphanumeric symbol (<c>$ + = ^ ` | ~ &lt; &gt;</c>); every other character, symbols and emoji included,
/// belongs to a word, so a word holding a character the vocabulary lacks becomes one [UNK]. Microsoft.ML.Tokenizers'
/// own BERT pre-tokenizer instead drops such characters (<c>"$5 + tax"</c> → <c>5 tax</c>), which changes the ids a
/// pretrained model was trained on.
/// </remarks>
internal sealed class BertPreTokenizer : PreTokenizer
{
    public static BertPreTokenizer Instance { get; } = new();

    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text) =>
        text is null ? [] : Split(text.AsSpan());

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text) => Split(text);

    private static List<(int Offset, int Length)> Split(ReadOnlySpan<char> text)
    {
        var words = new List<(int Offset, int Length)>();
        int start = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool space = char.IsWhiteSpace(c);
            bool punctuation = !space && IsPunctuation(c);
            if (space || punctuation)
            {
                if (start >= 0)
                {
                    words.Add((start, i - start));
                    start = -1;
                }

                if (punctuation)
                {
                    words.Add((i, 1));
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        if (start >= 0)
        {
            words.Add((start, text.Length - start));
        }

        return words;
    }

    private static bool IsPunctuation(char c)
    {
        if (c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~'))
        {
            return true;
        }

        return c > 0x7F && !char.IsSurrogate(c) && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }
}
