using KnowRec.Knowledge.Linking;
using Xunit;

namespace KnowRec.Tests.Knowledge.Linking;

public sealed class TitleLinkerTests
{
    private static readonly TitledItem[] Targets =
    [
        new("t1", "The Matrix", 1999),
        new("t2", "Psycho", 1960),
        new("t3", "Psycho", 1998),
        new("t4", "The City of Lost Children", 1995),
        new("t5", "Hamlet", 1996),
        new("t6", "Hamlet", 1996),
        new("t7", "The X Files", 1998),
        new("t8", "RocketMan", 1997),
        new("t9", "Heat", 1995),
    ];

    [Theory]
    [InlineData("Matrix, The (1999)", "t1", 1.0)]
    [InlineData("Psycho (1960)", "t2", 1.0)]
    [InlineData("Psycho (1998)", "t3", 1.0)]
    [InlineData("City of Lost Children, The (Cité des enfants perdus, La) (1995)", "t4", 1.0)]
    [InlineData("X-Files: Fight the Future, The (1998)", "t7", 0.9)]
    [InlineData("Rocket Man (1997)", "t8", 0.97)]
    [InlineData("Matrix, The (2000)", "t1", 0.9)]
    public void Link_HandCases_LinkToTheRightTargetWithItsConfidence(string title, string target, double confidence)
    {
        var link = Assert.Single(TitleLinker.Link([new TitledItem("s", title, null)], Targets).Links);
        Assert.Equal(LinkStatus.Linked, link.Status);
        Assert.Equal(target, link.Target);
        Assert.Equal(confidence, link.Confidence, 3);
    }

    [Fact]
    public void Link_RemakeWithSameTitle_YearDecides_AndAnUnknownYearIsAmbiguous()
    {
        var result = TitleLinker.Link([new("a", "Psycho", 1960), new("b", "Psycho", null), new("c", "Psycho", 1975)], Targets);
        Assert.Equal("t2", result.TargetOf("a"));
        var unknown = result.Links[1];
        Assert.Equal(LinkStatus.Ambiguous, unknown.Status);
        Assert.Null(unknown.Target);
        Assert.Equal("t2", unknown.Best);
        Assert.Equal("t3", unknown.RunnerUp);
        Assert.Equal(0.85, unknown.Confidence, 3);

        // Fifteen years from either remake: no candidate at all.
        Assert.Equal(LinkStatus.Unlinked, result.Links[2].Status);
        Assert.Null(result.Links[2].Best);
        Assert.Equal((1, 1, 1), (result.Linked, result.Ambiguous, result.Unlinked));
    }

    [Fact]
    public void Link_TwoTargetsSameTitleAndYear_IsAmbiguous()
    {
        var link = TitleLinker.Link([new("s", "Hamlet (1996)", null)], Targets).Links[0];
        Assert.Equal(LinkStatus.Ambiguous, link.Status);
        Assert.Equal(("t5", "t6"), (link.Best, link.RunnerUp));
    }

    [Fact]
    public void Link_LooseMatchBelowThreshold_StaysUnlinkedButReportsItsBest()
    {
        var link = TitleLinker.Link([new("s", "Heat Wave (1995)", null)], Targets).Links[0];
        Assert.Equal(LinkStatus.Unlinked, link.Status);
        Assert.Equal("t9", link.Best);
        Assert.InRange(link.Confidence, 0.01, 0.79);
        Assert.Null(link.Target);
    }

    [Fact]
    public void Link_Threshold_ChangesWhatLinks()
    {
        TitledItem[] source = [new("s", "Matrix, The (2000)", null)];
        Assert.Equal("t1", TitleLinker.Link(source, Targets, new LinkOptions { Threshold = 0.9 }).TargetOf("s"));
        Assert.Null(TitleLinker.Link(source, Targets, new LinkOptions { Threshold = 0.95 }).TargetOf("s"));
        Assert.Null(TitleLinker.Link(source, Targets, new LinkOptions { YearTolerance = 0 }).TargetOf("s"));
    }

    [Fact]
    public void Link_Margin_DecidesBetweenExactYearAndNeighbourYear()
    {
        TitledItem[] targets = [new("old", "Heat", 1995), new("new", "Heat", 1996)];
        TitledItem[] source = [new("s", "Heat (1995)", null)];
        Assert.Equal("old", TitleLinker.Link(source, targets).TargetOf("s"));
        Assert.Equal(LinkStatus.Ambiguous, TitleLinker.Link(source, targets, new LinkOptions { AmbiguityMargin = 0.1 }).Links[0].Status);
    }

    [Fact]
    public void Confidence_IsSymmetricAndInUnitRange()
    {
        var pairs = Targets.SelectMany(a => Targets, (a, b) => (a, b));
        foreach (var (a, b) in pairs)
        {
            double ab = TitleLinker.Confidence(a, b);
            Assert.InRange(ab, 0, 1);
            Assert.Equal(ab, TitleLinker.Confidence(b, a), 12);
        }
    }

    [Fact]
    public void Options_OutOfRange_ThrowNamingTheProperty()
    {
        Assert.Equal("Threshold", Assert.Throws<ArgumentException>(() => new LinkOptions { Threshold = 0 }.Validate()).ParamName);
        Assert.Equal("AmbiguityMargin", Assert.Throws<ArgumentException>(() => new LinkOptions { AmbiguityMargin = -0.1 }.Validate()).ParamName);
        Assert.Equal("YearTolerance", Assert.Throws<ArgumentException>(() => new LinkOptions { YearTolerance = 9 }.Validate()).ParamName);
    }

    [Fact]
    public void Accuracy_CountsJudgedCorrectLinkableAndCoverage()
    {
        var result = new LinkResult(
            [
                new ItemLink("a", LinkStatus.Linked, "x", 1, null, 0),
                new ItemLink("b", LinkStatus.Linked, "y", 1, null, 0),
                new ItemLink("c", LinkStatus.Unlinked, "z", 0.5, null, 0),
                new ItemLink("d", LinkStatus.Linked, "w", 1, null, 0),
            ],
            ["x", "y", "z", "w"]);
        var sources = new Dictionary<string, string> { ["a"] = "m1", ["b"] = "m2", ["c"] = "m3", ["d"] = "m9" };
        var targets = new Dictionary<string, string> { ["x"] = "m1", ["y"] = "m7", ["z"] = "m3" };
        var accuracy = LinkAccuracy.Measure(result, sources, targets);

        // d's target has no id: not judged. a is right, b wrong; a and c have a true target among the targets.
        Assert.Equal(new LinkAccuracy(4, 3, 2, 1, 2), accuracy);
        Assert.Equal(0.5, accuracy.Precision);
        Assert.Equal(0.5, accuracy.Recall);
        Assert.Equal(0.75, accuracy.Coverage);
        var byKey = LinkAccuracy.ByKey(result);
        Assert.Equal((3, 0, 0), (byKey.Judged, byKey.Correct, byKey.Linkable));
    }
}
