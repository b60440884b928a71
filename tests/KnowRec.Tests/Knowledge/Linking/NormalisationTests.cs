using KnowRec.Knowledge.Linking;
using Xunit;

namespace KnowRec.Tests.Knowledge.Linking;

public sealed class NormalisationTests
{
    [Theory]
    [InlineData("Cité des Enfants Perdus, La", "cite des enfants perdus la")]
    [InlineData("  Łódź   Ærø  Straße ", "lodz aero strasse")]
    [InlineData("Let's Get Harry", "lets get harry")]
    [InlineData("Oscar & Lucinda", "oscar and lucinda")]
    [InlineData("X-Files: Fight the Future", "x files fight the future")]
    [InlineData("8½ Women", "8 1 2 women")]
    [InlineData("8 1/2 Women", "8 1 2 women")]
    [InlineData("Alien³", "alien 3")]
    [InlineData("e\u0301te\u0301", "ete")]
    [InlineData("", "")]
    public void Fold_LowersStripsAccentsAndPunctuation(string text, string expected) =>
        Assert.Equal(expected, TextKey.Fold(text));

    [Fact]
    public void Fold_EveryLatin1AndExtendedALetter_BecomesAsciiLetters()
    {
        for (char c = '\u00C0'; c <= '\u017F'; c++)
        {
            string folded = TextKey.Fold(c.ToString());
            Assert.True(folded.Length == 0 ? c is '×' or '÷' : folded.All(char.IsAsciiLetterLower), $"U+{(int)c:X4} folded to '{folded}'");
        }
    }

    [Theory]
    [InlineData("Mann, Michael", "Michael Mann")]
    [InlineData("Joss Whedon (screenplay by)", "Joss Whedon")]
    [InlineData("  Pete   Docter  (original story by) ", "Pete Docter")]
    [InlineData("Kieślowski, Krzysztof (screenplay)", "Krzysztof Kieślowski")]
    [InlineData("Davis, Jr.", "Davis, Jr.")]
    [InlineData("(uncredited)", "")]
    public void Clean_RemovesRolesAndReordersLastFirst(string credit, string expected) =>
        Assert.Equal(expected, PersonName.Clean(credit));

    [Fact]
    public void Key_SpellingsOfOnePerson_ShareOneKey()
    {
        string[] spellings = ["Krzysztof Kieślowski", "Kieslowski, Krzysztof", "KRZYSZTOF KIESLOWSKI (screenplay)", "krzysztof  kieslowski"];
        Assert.All(spellings, s => Assert.Equal("krzysztof kieslowski", PersonName.Key(s)));
        Assert.Equal(PersonName.Key("J.J. Abrams"), PersonName.Key("J. J. Abrams"));
        Assert.NotEqual(PersonName.Key("Michael Mann"), PersonName.Key("Michael Man"));
    }

    [Fact]
    public void Niceness_PrefersAccentsThenMixedCase()
    {
        Assert.True(PersonName.Niceness("Krzysztof Kieślowski") > PersonName.Niceness("Krzysztof Kieslowski"));
        Assert.True(PersonName.Niceness("Krzysztof Kieslowski") > PersonName.Niceness("KRZYSZTOF KIESLOWSKI"));
        Assert.True(PersonName.Niceness("Krzysztof Kieslowski") > PersonName.Niceness("krzysztof kieslowski"));
    }

    [Fact]
    public void SplitList_SplitsOutsideParenthesesAndDropsNotAvailable()
    {
        Assert.Equal(
            ["John Lasseter (original story by)", "Jo Swerling (based upon the play: \"Guys, Dolls\" by)", "Pete Docter"],
            PersonName.SplitList("John Lasseter (original story by), Jo Swerling (based upon the play: \"Guys, Dolls\" by), , N/A, Pete Docter"));
        Assert.Equal(["Mann, Michael", "Tarantino, Quentin"], PersonName.SplitList("Mann, Michael; Tarantino, Quentin"));
        Assert.Empty(PersonName.SplitList("N/A"));
        Assert.Equal(["Kieślowski, Krzysztof (screenplay)"], PersonName.SplitList("Kieślowski, Krzysztof (screenplay)"));
        Assert.Equal(["Cher", "Tom Hanks"], PersonName.SplitList("Cher, Tom Hanks"));
    }

    [Theory]
    [InlineData("Matrix, The (1999)", "The Matrix", new string[0], 1999)]
    [InlineData("The Matrix", "The Matrix", new string[0], null)]
    [InlineData("City of Lost Children, The (Cité des enfants perdus, La) (1995)", "The City of Lost Children", new[] { "La Cité des enfants perdus" }, 1995)]
    [InlineData("Professional, The (a.k.a. Leon: The Professional) (1994)", "The Professional", new[] { "Leon: The Professional" }, 1994)]
    [InlineData("Strike! (a.k.a. All I Wanna Do, The Hairy Bird) (1998)", "Strike!", new[] { "All I Wanna Do, The Hairy Bird", "All I Wanna Do", "The Hairy Bird" }, 1998)]
    [InlineData("Seven Samurai (The Magnificent Seven) (Shichinin no samurai) (1954)", "Seven Samurai", new[] { "The Magnificent Seven", "Shichinin no samurai" }, 1954)]
    [InlineData("Good, The Bad and The Ugly, The (1966)", "The Good, The Bad and The Ugly", new string[0], 1966)]
    [InlineData("Eye of Vichy, The (Oeil de Vichy, L') (1993)", "The Eye of Vichy", new[] { "L'Oeil de Vichy" }, 1993)]
    [InlineData("Two Friends (1986) ", "Two Friends", new string[0], 1986)]
    [InlineData("(1995)", "(1995)", new string[0], null)]
    public void Parse_SplitsYearAliasesAndRestoresArticles(string title, string main, string[] aliases, int? year)
    {
        var parsed = MovieTitle.Parse(title);
        Assert.Equal(main, parsed.Title);
        Assert.Equal(aliases, parsed.Aliases);
        Assert.Equal(year, parsed.Year);
    }

    [Fact]
    public void Parse_YearInTitle_WinsOverTheGivenYear()
    {
        Assert.Equal(1995, MovieTitle.Parse("Heat (1995)", 1996).Year);
        Assert.Equal(1996, MovieTitle.Parse("Heat", 1996).Year);
    }

    [Theory]
    [InlineData("The Matrix", "matrix")]
    [InlineData("A Man for All Seasons", "man for all seasons")]
    [InlineData("The", "the")]
    [InlineData("Rocky II", "rocky 2")]
    [InlineData("Gone in Sixty Seconds", "gone in 60 seconds")]
    [InlineData("I Married a Strange Person!", "i married a strange person")]
    public void Key_DropsEnglishArticleAndReadsNumbersAsDigits(string title, string expected) =>
        Assert.Equal(expected, MovieTitle.Key(title));
}
