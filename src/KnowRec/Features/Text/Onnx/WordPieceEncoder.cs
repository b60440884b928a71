using Microsoft.ML.Tokenizers;

namespace KnowRec.Features.Text.Onnx;

/// <summary>Turns a text into BERT input ids: <c>[CLS] wordpieces… [SEP]</c>, cut to the model's maximum length.</summary>
/// <remarks>
/// WordPiece (Wu et al. 2016; as used by BERT, Devlin et al. 2019) through Microsoft.ML.Tokenizers' BertTokenizer, set up
/// from the model folder's tokenizer_config.json, with <see cref="BertPreTokenizer"/> for BERT's word split and
/// <see cref="AccentFolding"/> for accents without ICU. Truncation follows Hugging Face's: the word pieces are cut after
/// <c>maxLength − 2</c> (even inside a word) and [CLS]/[SEP] wrap what is left. Thread-safe.
/// </remarks>
internal sealed class WordPieceEncoder
{
    private readonly BertTokenizer _tokenizer;
    private readonly bool _stripAccents;

    public WordPieceEncoder(SentenceTransformerFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        _stripAccents = folder.StripAccents;
        MaxLength = folder.MaxLength;
        try
        {
            _tokenizer = BertTokenizer.Create(folder.VocabularyFile, new BertOptions
            {
                LowerCaseBeforeTokenization = folder.LowerCase,
                RemoveNonSpacingMarks = folder.StripAccents,
                IndividuallyTokenizeCjk = folder.SplitChineseCharacters,
                ClassificationToken = folder.ClassificationToken,
                SeparatorToken = folder.SeparatorToken,
                PaddingToken = folder.PaddingToken,
                UnknownToken = folder.UnknownToken,
                MaskingToken = folder.MaskToken,
                PreTokenizer = BertPreTokenizer.Instance,
            });
        }
        catch (ArgumentException e)
        {
            // BertTokenizer reports a special token missing from the vocabulary as an ArgumentException.
            throw new InvalidDataException($"{folder.VocabularyFile}: {e.Message}", e);
        }

        PaddingId = _tokenizer.PaddingTokenId;
    }

    /// <summary>Most ids per text, [CLS] and [SEP] included.</summary>
    public int MaxLength { get; }

    /// <summary>The id that fills padded positions.</summary>
    public int PaddingId { get; }

    /// <summary>The ids of <paramref name="text"/>, at most <see cref="MaxLength"/> of them.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_stripAccents)
        {
            text = AccentFolding.Fold(text);
        }

        var pieces = _tokenizer.EncodeToIds(text, addSpecialTokens: false);
        int kept = Math.Min(pieces.Count, MaxLength - 2);
        var ids = new int[kept + 2];
        ids[0] = _tokenizer.ClassificationTokenId;
        for (int i = 0; i < kept; i++)
        {
            ids[i + 1] = pieces[i];
        }

        ids[kept + 1] = _tokenizer.SeparatorTokenId;
        return ids;
    }
}
