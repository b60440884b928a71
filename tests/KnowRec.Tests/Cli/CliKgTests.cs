using Xunit;

namespace KnowRec.Tests.Cli;

/// <summary><c>knowrec kg …</c> and <c>--kg</c> as a user runs them.</summary>
public sealed class CliKgTests
{
    [DataFact("kg-ml100k-freebase")]
    public void KgInfo_WithData_PrintsSizesRelationsAndLinkedShare()
    {
        var result = CliRunner.Run("kg", "info", "--kg", "kg-ml100k-freebase", "--data", "ml-100k");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"kg-ml100k-freebase\s+34,628\s+24\s+91,631\s+1,598", result.Stdout);
        Assert.Contains("dataset items linked: 1,598 of 1,682 (95.0 %)", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"film\.film\.actor\s+40,152", result.Stdout);
    }

    [Fact]
    public void KgInfo_UnknownGraph_ExitsNonZeroWithTheReason()
    {
        var result = CliRunner.Run("kg", "info", "--kg", "no-such-graph-anywhere");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no-such-graph-anywhere", result.Stderr, StringComparison.Ordinal);
    }
}
