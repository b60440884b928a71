using KnowRec.Evaluation.Bench;
using Xunit;

namespace KnowRec.Tests.Evaluation.Bench;

public sealed class BenchSelectionTests
{
    private static readonly BenchRun Popularity = FakeRuns.Row("popularity", data: "ml-100k", protocol: "user-ratio");
    private static readonly BenchRun Ease = FakeRuns.Row("ease");
    private static readonly BenchRun EaseTuned = FakeRuns.Row("ease", set: [("Regularization", "500")]);
    private static readonly BenchRun LightGcn = FakeRuns.Row("lightgcn");

    private static readonly BenchSection[] Plan =
    [
        new() { Title = "Floors: popularity and random", Runs = [Popularity] },
        new() { Title = "Implicit top-N", Runs = [Ease, EaseTuned, LightGcn] },
    ];

    [Fact]
    public void Select_NoFilter_IsEveryRowInPlanOrder() =>
        Assert.Equal([Popularity, Ease, EaseTuned, LightGcn], BenchSelection.Select(Plan, null, false, _ => true));

    [Theory]
    [InlineData("LIGHTGCN", 3)] // model, any case
    [InlineData("floors", 0)] // section title
    [InlineData("ml-100k", 0)] // data
    [InlineData("ease_fixed_", 1, 2)] // store file name: both ease rows
    public void Select_Only_MatchesTitleModelDataOrFileName(string text, params int[] expected) =>
        Assert.Equal(expected.Select(i => new[] { Popularity, Ease, EaseTuned, LightGcn }[i]), BenchSelection.Select(Plan, text, false, _ => true));

    [Fact]
    public void Select_Only_FileNameWithoutExtension_PicksExactlyThatRow()
    {
        string name = Path.GetFileNameWithoutExtension(RunStore.FileName(EaseTuned));
        Assert.Equal([EaseTuned], BenchSelection.Select(Plan, name, false, _ => true));
    }

    [Fact]
    public void Select_Only_NothingMatches_IsEmpty() => Assert.Empty(BenchSelection.Select(Plan, "sasrec", false, _ => true));

    [Fact]
    public void Select_Missing_KeepsOnlyRowsWithoutAReport()
    {
        bool Measured(BenchRun run) => run == Ease || run == Popularity;
        Assert.Equal([EaseTuned, LightGcn], BenchSelection.Select(Plan, null, true, Measured));
        Assert.Equal([EaseTuned], BenchSelection.Select(Plan, "ease", true, Measured));
    }

    [Fact]
    public void Select_IdenticalRows_AreMeasuredOnce()
    {
        BenchSection[] plan = [new() { Title = "a", Runs = [Ease, LightGcn] }, new() { Title = "b", Runs = [FakeRuns.Row("ease")] }];
        Assert.Equal([Ease, LightGcn], BenchSelection.Select(plan, null, false, _ => false));
    }
}
