using KnowRec.Data;
using KnowRec.Features;
using Xunit;

namespace KnowRec.Tests.Data;

public sealed class NewUserTests
{
    [Fact]
    public void Add_AppendsTheUser_WithItsItemsAndAttributes_KeepingItemsAndSources()
    {
        var data = Contracts.TinyData.Create();
        int items = data.Items.Count;
        var text = new ItemVectors("text", new FeatureMatrix(items, 1, Enumerable.Repeat(1f, items).ToArray()));
        data = data.WithItemVectors(text);

        var added = NewUser.Add(data, "new", [data.Items[0], data.Items[2]], new Dictionary<string, string> { ["gender"] = "F" });

        int user = data.Users.Count;
        Assert.Equal(user + 1, added.Users.Count);
        Assert.Equal("new", added.Users[user]);
        Assert.Equal([0, 2], added.Matrix.ItemsOf(user).ToArray());
        Assert.Equal("F", added.UserAttributes[user]!["gender"]);
        Assert.Same(data.Items, added.Items);
        Assert.Same(text, added.ItemVectorsNamed("text"));
        Assert.Equal(data.Interactions.Count + 2, added.Interactions.Count);
    }

    [Fact]
    public void Add_WithAttributesOnly_GivesAUserWithoutRows()
    {
        var data = Contracts.TinyData.Create();
        var added = NewUser.Add(data, "new", [], new Dictionary<string, string> { ["age"] = "25" });
        Assert.Equal(0, added.Matrix.ItemsOf(data.Users.Count).Length);
        Assert.Equal("25", added.UserAttributes[data.Users.Count]!["age"]);
    }

    [Fact]
    public void Add_RefusesTakenIds_UnknownOrRepeatedItems_AndAnEmptyUser()
    {
        var data = Contracts.TinyData.Create();
        Assert.Contains("already in", Assert.Throws<ArgumentException>(() => NewUser.Add(data, data.Users[0], [data.Items[0]])).Message, StringComparison.Ordinal);
        Assert.Contains("is not in", Assert.Throws<ArgumentException>(() => NewUser.Add(data, "new", ["no-such-item"])).Message, StringComparison.Ordinal);
        Assert.Contains("given twice", Assert.Throws<ArgumentException>(() => NewUser.Add(data, "new", [data.Items[1], data.Items[1]])).Message, StringComparison.Ordinal);
        Assert.Contains("at least one item", Assert.Throws<ArgumentException>(() => NewUser.Add(data, "new", [])).Message, StringComparison.Ordinal);
    }
}
