using Xunit;

namespace KnowRec.Tests.Cli;

/// <summary><c>knowrec kg link</c>, <c>--item-text</c> and <c>--kg auto</c> as a user runs them.</summary>
public sealed class CliKgLinkTests
{
    [DataFact("ml-1m-movie-text-melu")]
    public void KgLink_ItemText_PrintsCountsAndPrecisionAgainstSharedIds()
    {
        var result = CliRunner.Run("kg", "link", "--data", "ml-1m/pieces-LIN452-ReSN", "--item-text", "ml-1m-movie-text-melu", "--show", "2");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"3,706\s+3,647 \(98\.41 %\)\s+1 \(0\.03 %\)\s+58 \(1\.57 %\)", result.Stdout);
        Assert.Contains("ground truth: shared item ids", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"3,647\s+3,646\s+99\.97 %", result.Stdout);
        Assert.Contains("unlinked, e.g.:", result.Stdout, StringComparison.Ordinal);
    }

    [DataFact("kb4rec-linkage")]
    public void KgLink_ToDataset_WithTruthGraphs_PrintsAccuracyAndWritesDecisions()
    {
        using var folder = new TempFolder();
        string tsv = Path.Combine(folder.Path, "links.tsv");
        var result = CliRunner.Run("kg", "link", "--data", "ml-100k", "--to", "ml-1m/pieces-LIN452-ReSN", "--truth-kg", "kg-ml100k-freebase", "--to-truth-kg", "kb4rec-linkage", "--show", "0", "--write", tsv);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"1,682\s+1,603 \(95\.30 %\)", result.Stdout);
        Assert.Contains("ground truth: kg-ml100k-freebase = kb4rec-linkage", result.Stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(tsv);
        Assert.Equal(1 + 1_682, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("2\tlinked\t10\t1.0000\t", StringComparison.Ordinal));
    }

    [Fact]
    public void KgLink_NeitherTextNorTo_ExitsWithUsage()
    {
        var result = CliRunner.Run("kg", "link", "--data", "whatever");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("exactly one of --item-text or --to", result.Stderr, StringComparison.Ordinal);
    }

    [DataFact("ml-100k")]
    public void KgInfo_Auto_BuildsTheCatalogueGraphAndLinksEveryItem()
    {
        var result = CliRunner.Run("kg", "info", "--data", "ml-100k", "--kg", "auto");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"ml-100k-catalogue\s+1,780\s+3\s+6,255\s+1,682", result.Stdout);
        Assert.Contains("dataset items linked: 1,682 of 1,682 (100.0 %)", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"has genre\s+2,893", result.Stdout);
    }

    [DataFact("kg-ml1m-satori")]
    public void KgInfo_SatoriPlusAutoWithItemText_MergesAndJoinsItems()
    {
        var result = CliRunner.Run("kg", "info", "--data", "ml-1m/pieces-LIN452-ReSN", "--item-text", "ml-1m-movie-text-melu", "--kg", "kg-ml1m-satori+auto");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("item text: 3,647 of 3,706 titled items linked", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("dataset items linked: 3,706 of 3,706 (100.0 %)", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"same as\s+2,347", result.Stdout);
        Assert.Matches(@"directed by\s+3,941", result.Stdout);
    }
}
