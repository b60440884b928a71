using KnowRec.Data.Cleaning;
using KnowRec.Data.Readers;
using Xunit;

namespace KnowRec.Tests.Data.Readers;

public class LoadOptionsTests
{
    [Fact]
    public void Validate_Passes_Defaults()
    {
        var options = new LoadOptions();

        options.Validate();

        Assert.Equal(DuplicatePolicy.KeepLatest, options.DuplicatePolicy);
        Assert.False(options.Lenient);
    }

    [Fact]
    public void Validate_ThrowsNamingProperty_BadValues()
    {
        Assert.Equal("Format", Assert.Throws<ArgumentException>(() => new LoadOptions { Format = "xml" }.Validate()).ParamName);
        Assert.Equal("MinUserInteractions", Assert.Throws<ArgumentException>(() => new LoadOptions { MinUserInteractions = -1 }.Validate()).ParamName);
        Assert.Equal("MinItemInteractions", Assert.Throws<ArgumentException>(() => new LoadOptions { MinItemInteractions = -1 }.Validate()).ParamName);
        Assert.Equal("ImplicitThreshold", Assert.Throws<ArgumentException>(() => new LoadOptions { ImplicitThreshold = float.NaN }.Validate()).ParamName);
        Assert.Equal("RatingMax", Assert.Throws<ArgumentException>(() => new LoadOptions { RatingMin = 3, RatingMax = 1 }.Validate()).ParamName);
        Assert.Equal("DuplicatePolicy", Assert.Throws<ArgumentException>(() => new LoadOptions { DuplicatePolicy = (DuplicatePolicy)9 }.Validate()).ParamName);
        Assert.Equal("User", Assert.Throws<ArgumentException>(() => new LoadOptions { ColumnMapping = new ColumnMapping { User = "name" } }.Validate()).ParamName);
    }
}
