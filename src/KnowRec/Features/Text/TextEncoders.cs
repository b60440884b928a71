using KnowRec.Features.Text.Onnx;
using Microsoft.Extensions.AI;

namespace KnowRec.Features.Text;

/// <summary>The text encoders KnowRec knows, by name; each is an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>.</summary>
public static class TextEncoders
{
    /// <summary>The known encoder names, in the order listings show them.</summary>
    public static IReadOnlyList<string> Names { get; } = [TfidfLsaEncoder.Name, OnnxTextEncoderFactory.Name, OpenAiTextEncoder.Name];

    /// <summary>Builds the encoder called <paramref name="name"/>; encoders that learn from text are fitted on <paramref name="corpus"/>.</summary>
    /// <param name="name">Encoder name, case-insensitive (see <see cref="Names"/>).</param>
    /// <param name="options">Dimension, seed, threads and encoder-specific settings.</param>
    /// <param name="corpus">The catalogue's documents (e.g. <see cref="ItemDocuments.Texts"/>); ignored by pretrained encoders.</param>
    /// <exception cref="ArgumentException">The name is unknown (the message lists the known ones) or the options do not fit the encoder.</exception>
    public static IEmbeddingGenerator<string, Embedding<float>> Create(string name, TextEncoderOptions options, IReadOnlyList<string> corpus)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(corpus);
        return name.Trim().ToLowerInvariant() switch
        {
            TfidfLsaEncoder.Name => TfidfLsaEncoder.Fit(corpus, new TfidfLsaOptions
            {
                Dimension = options.Dimension ?? new TfidfLsaOptions().Dimension,
                Seed = options.Seed,
                Threads = options.Threads,
            }),

            OnnxTextEncoderFactory.Name => OnnxTextEncoderFactory.Create(options.Settings, options.Threads),
            OpenAiTextEncoder.Name => OpenAiTextEncoder.Create(OpenAiTextEncoderOptions.FromSettings(options.Dimension, options.Settings)),
            _ => throw new ArgumentException($"Unknown text encoder '{name}'. Known encoders: {string.Join(", ", Names)}.", nameof(name)),
        };
    }
}
