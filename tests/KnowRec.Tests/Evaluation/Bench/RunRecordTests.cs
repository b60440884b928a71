using KnowRec.Evaluation.Bench;
using Xunit;

namespace KnowRec.Tests.Evaluation.Bench;

public sealed class RunRecordTests
{
    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"report\": null, \"measured\": \"2026-11-23T11:20:05Z\", \"command\": \"c\"}")]
    [InlineData("{\"report\": {}, \"command\": \"c\"}")]
    [InlineData("{\"report\": {}, \"measured\": \"yesterday\", \"command\": \"c\"}")]
    [InlineData("{\"report\": {}, \"measured\": 5, \"command\": \"c\"}")]
    [InlineData("{\"report\": {\"model\": \"x\"}, \"measured\": \"2026-11-23T11:20:05Z\", \"command\": \"c\"}")]
    [InlineData("{\"model\": \"x\", \"dataset\": \"d\"}")]
    public void FromJson_NotARecord_ThrowsInvalidData(string json) =>
        Assert.Throws<InvalidDataException>(() => RunRecord.FromJson(json, FakeRuns.Monday, "knowrec evaluate"));

    [Fact]
    public void ToJson_HasTheDocumentedFieldsInOrder_AndTheMachineLineUnescaped()
    {
        var run = FakeRuns.Row("ease");
        string json = FakeRuns.Record(run, 0.43, machine: "AMD EPYC · 2 cores").ToJson();
        string[] fields = ["\"measured\": \"2026-11-23T11:20:05Z\"", "\"machine\": \"AMD EPYC · 2 cores\"", "\"command\": \"knowrec evaluate", "\"arguments\": [", "\"report\": {"];
        int[] at = [.. fields.Select(f => json.IndexOf(f, StringComparison.Ordinal))];
        Assert.All(at, i => Assert.True(i > 0, json));
        Assert.Equal(at.Order(), at);
    }
}
