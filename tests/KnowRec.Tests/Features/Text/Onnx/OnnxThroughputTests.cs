using System.Diagnostics;
using KnowRec.Features.Text.Onnx;
using Xunit;
using Xunit.Abstractions;

namespace KnowRec.Tests.Features.Text.Onnx;

/// <summary>Throughput of the ONNX path on the test-built model (real vocabulary), batch 32, 2 intra-op threads.</summary>
/// <remarks>
/// Run: <c>dotnet test -c Release --filter "FullyQualifiedName~OnnxThroughputTests" --logger "console;verbosity=detailed"</c>.
/// The graph is one masked-context layer, far lighter than MiniLM's six transformer layers, so the figure bounds the
/// tokenisation, padding, pooling and ONNX Runtime overhead rather than predicting all-MiniLM-L6-v2's speed.
/// </remarks>
public sealed class OnnxThroughputTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [ModelFact("all-MiniLM-L6-v2-tokenizer")]
    [Trait("Category", "Slow")]
    public void Encode_Throughput_Batch32_TwoThreads()
    {
        // The test model's width (32) and MiniLM's (384, one layer instead of six).
        foreach (int hidden in new[] { 32, 384 })
        {
            Measure(hidden, Path.Combine(_temp.Path, $"h{hidden}"));
        }
    }

    private void Measure(int hidden, string folder)
    {
        string[] vocabulary = File.ReadAllLines(Path.Combine(TestModels.PathOf("all-MiniLM-L6-v2-tokenizer"), "vocab.txt"));
        var model = new TinyBert(vocabulary.Length, hidden, positions: 512);
        using var encoder = OnnxTextEncoder.Open(
            TinyBertFolder.Write(folder, model, vocabulary, maxSequenceLength: 256),
            new OnnxTextEncoderOptions { BatchSize = 32, IntraOpThreads = 2 });

        // Item-description-like texts: 8–80 words drawn from the vocabulary's whole words (seeded).
        var random = new Random(11);
        string[] words = [.. vocabulary.Skip(2000).Where(w => w.All(char.IsAsciiLetterLower))];
        string[] texts = [.. Enumerable.Range(0, 2000).Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(8, 81)).Select(_ => words[random.Next(words.Length)])))];
        encoder.Encode(texts); // warm-up: tiered JIT reaches optimised code only after a few hundred calls

        // Median of three rounds; each times tokenisation alone, then the whole path (tokenise, run, pool).
        var tokenizeRounds = new List<double>();
        var totalRounds = new List<double>();
        int[][] ids = [];
        for (int round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            ids = encoder.Tokenize(texts);
            tokenizeRounds.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            var vectors = encoder.Encode(texts);
            totalRounds.Add(clock.Elapsed.TotalSeconds);
            Assert.Equal(texts.Length, vectors.Length);
        }

        double tokenizeSeconds = tokenizeRounds.Order().ElementAt(1);
        double totalSeconds = totalRounds.Order().ElementAt(1);
        double tokens = ids.Average(i => i.Length);
        output.WriteLine($"onnx test model hidden={hidden}: {texts.Length} texts ({tokens:F1} tokens/text), batch 32, 2 threads: " +
            $"{texts.Length / totalSeconds:N0} texts/s; tokenisation {texts.Length / tokenizeSeconds:N0} texts/s = {tokenizeSeconds / totalSeconds:P0} of the time");
    }
}
