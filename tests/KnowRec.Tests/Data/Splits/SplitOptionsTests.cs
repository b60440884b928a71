using KnowRec.Data.Splits;
using Xunit;

namespace KnowRec.Tests.Data.Splits;

public class SplitOptionsTests
{
    [Fact]
    public void Validate_Passes_ForDefaults() => new SplitOptions().Validate();

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Validate_NamesTestRatio_WhenOutsideOpenUnitInterval(double ratio)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SplitOptions { TestRatio = ratio }.Validate());
        Assert.Equal(nameof(SplitOptions.TestRatio), e.ParamName);
    }

    [Fact]
    public void Validate_NamesFolds_WhenBelowTwo()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SplitOptions { Protocol = SplitProtocol.KFold, Folds = 1 }.Validate());
        Assert.Equal(nameof(SplitOptions.Folds), e.ParamName);
    }

    [Fact]
    public void Validate_NamesProtocol_WhenUndefined()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SplitOptions { Protocol = (SplitProtocol)99 }.Validate());
        Assert.Equal(nameof(SplitOptions.Protocol), e.ParamName);
    }

    [Fact]
    public void Validate_NamesTemporalCut_WhenProtocolIsNotTemporal()
    {
        var e = Assert.Throws<ArgumentException>(() => new SplitOptions { Protocol = SplitProtocol.Random, TemporalCut = 5 }.Validate());
        Assert.Equal(nameof(SplitOptions.TemporalCut), e.ParamName);
    }

    [Fact]
    public void Parse_RoundTripsEveryName_ForAllProtocols()
    {
        foreach (var protocol in Enum.GetValues<SplitProtocol>())
        {
            string name = SplitProtocolNames.ToName(protocol);
            Assert.Equal(protocol, SplitProtocolNames.Parse(name));
            Assert.Equal(protocol, SplitProtocolNames.Parse(name.ToUpperInvariant()));
        }

        Assert.Equal(Enum.GetValues<SplitProtocol>().Length, SplitProtocolNames.All.Count);
    }

    [Fact]
    public void Parse_ListsValidNames_WhenNameUnknown()
    {
        var e = Assert.Throws<ArgumentException>(() => SplitProtocolNames.Parse("holdout"));
        Assert.Contains("leave-last-out", e.Message, StringComparison.Ordinal);
        Assert.False(SplitProtocolNames.TryParse(null, out _));
    }
}
