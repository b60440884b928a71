using Xunit;

namespace KnowRec.Tests.Cli;

/// <summary><c>knowrec recommend --explain --kg …</c> and <c>knowrec kg explain-bench</c> as a user runs them.</summary>
public sealed class CliExplainTests
{
    [DataFact("kg-ml100k-freebase")]
    public void RecommendExplain_WithGraph_PrintsHistoryReasonsAndPathSentences()
    {
        // RecBole keyed the graph's links by MovieLens ids, so the items take their ML-1M (MovieLens) ids first.
        var result = CliRunner.Run("recommend", "--data", "ml-100k", "--item-keys-from", "ml-1m/pieces-LIN452-ReSN", "--kg", "kg-ml100k-freebase", "--model", "item-knn", "--user", "1", "--count", "3", "--explain");
        Assert.Equal(0, result.ExitCode);
        var why = result.Stdout.Split('\n').SkipWhile(l => l != "Why:").Skip(1).Where(l => l.Length > 0).ToList();
        var reasons = why.Where(l => !l.StartsWith("    ", StringComparison.Ordinal)).ToList();
        var sentences = why.Where(l => l.StartsWith("    - ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, reasons.Count);
        Assert.All(reasons, line => Assert.Matches(@"because you have .+\(\d{4}\) \(\d+\.\d{3}\)", line));

        // User 1 rated 272 films, most linked to Freebase: every recommendation gets three reasons in words.
        Assert.Equal(9, sentences.Count);
        Assert.All(sentences, line => Assert.Matches(@"^    - You rated .+ \(\d{4}\) (highly|\d/5); it (shares an? [a-z ]+ with|[a-z]+ ).+ \(\d{4}\)\.\r?$", line));
        Assert.Contains("    - You rated Aliens (1986) highly; it shares a director with True Lies (1994).", sentences);
    }

    [DataFact("kg-ml100k-freebase")]
    public void RecommendExplain_ModelThatCannotExplain_IsExplainedThroughTheGraph()
    {
        var result = CliRunner.Run("recommend", "--data", "ml-100k", "--kg", "kg-ml100k-freebase", "--model", "popularity", "--user", "1", "--count", "2", "--explain", "--paths", "1");
        Assert.Equal(0, result.ExitCode);
        var why = result.Stdout.Split('\n').SkipWhile(l => l != "Why:").Skip(1).Where(l => l.Length > 0).ToList();
        Assert.Equal(4, why.Count);
        Assert.Matches(@"^  .+ \(\d{4}\):\r?$", why[0]);
        Assert.Matches(@"^    - You rated .+; it .+\.\r?$", why[1]);
        Assert.DoesNotContain("cannot explain", result.Stdout, StringComparison.Ordinal);
    }

    [DataFact("ml-100k")]
    public void RecommendExplain_NoGraphAndNoExplanations_SaysHowToGetThem()
    {
        var result = CliRunner.Run("recommend", "--data", "ml-100k", "--model", "popularity", "--user", "1", "--explain");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("popularity cannot explain its scores; models that can: ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--kg NAME", result.Stdout, StringComparison.Ordinal);
    }

    [DataFact("kg-ml100k-freebase")]
    public void KgExplainBench_ReportsShareAndTimes()
    {
        var result = CliRunner.Run("kg", "explain-bench", "--data", "ml-100k", "--kg", "kg-ml100k-freebase", "--model", "popularity", "--pairs", "20", "--show", "2");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"popularity\s+kg-ml100k-freebase\s+20\s+\d+\s+\d+\s+\d+\.\d %", result.Stdout);
        Assert.Matches(@"user \d+, .+ \(\d{4}\): (You rated .+\.|\(no path\))", result.Stdout);
    }
}
