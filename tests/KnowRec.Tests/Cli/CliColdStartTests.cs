using Xunit;

namespace KnowRec.Tests.Cli;

/// <summary><c>knowrec recommend</c> for a user the dataset has never seen: a few items, or attributes only.</summary>
public sealed class CliColdStartTests
{
    [DataFact("ml-100k")]
    public void Recommend_NewUserWithTwoItems_GetsContentNeighbours_AndNotTheItemsGiven()
    {
        // 50 = Star Wars (1977), 172 = The Empire Strikes Back (1980).
        var result = CliRunner.Run("recommend", "--data", "ml-100k", "--model", "content-knn", "--user", "newcomer", "--new-user-items", "50,172", "--count", "5");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("new user newcomer: 2 items", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Star Wars (1977)", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Empire Strikes Back", result.Stdout, StringComparison.Ordinal);

        // Text alone (titles, years, genres) puts the third film of the trilogy among the nearest.
        Assert.Contains("Return of the Jedi (1983)", result.Stdout, StringComparison.Ordinal);
    }

    [DataFact("ml-100k")]
    public void Recommend_NewUserWithAttributesOnly_IsServedByHybrid_AndBadAttributesAreRefused()
    {
        var result = CliRunner.Run("recommend", "--data", "ml-100k", "--model", "hybrid", "--set", "Epochs=1", "--user", "newcomer", "--new-user-attributes", "gender=F,age=25,occupation=student", "--count", "3");
        var bad = CliRunner.Run("recommend", "--data", "ml-100k", "--model", "popularity", "--user", "newcomer", "--new-user-attributes", "gender");
        var taken = CliRunner.Run("recommend", "--data", "ml-100k", "--model", "popularity", "--user", "1", "--new-user-items", "50");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("new user newcomer: 0 items", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode); // a usage error
        Assert.Contains("'gender' is not NAME=VALUE", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, taken.ExitCode);
        Assert.Contains("already in", taken.Stderr, StringComparison.Ordinal);
    }
}
