using KnowRec.Data;
using KnowRec.Models;
using KnowRec.Storage;

namespace KnowRec.Tests.Evaluation;

/// <summary>A model whose scores are a fixed users × items table, so expected rankings can be worked out by hand.</summary>
internal sealed class FixedScoreRecommender : ScoringRecommender
{
    private readonly float[,] _scores;

    public FixedScoreRecommender(IdMap users, IdMap items, InteractionMatrix seen, float[,] scores)
        : base(users, items, seen)
    {
        _scores = scores;
    }

    /// <summary>A model over the split's catalogue that has seen exactly the split's train part.</summary>
    public static FixedScoreRecommender For(DataSplit split, float[,] scores) =>
        new(split.Train.Users, split.Train.Items, split.Train.Matrix, scores);

    public override string Kind => "fixed";

    public override string OptionsJson => """{"table":"fixed","factors":0}""";

    protected override float ScoreCore(int user, int item) => _scores[user, item];

    protected override void ScoreAll(int user, Span<float> scores)
    {
        for (int item = 0; item < scores.Length; item++)
        {
            scores[item] = _scores[user, item];
        }
    }

    protected override void SaveCore(ModelFileWriter writer)
    {
        foreach (float score in _scores)
        {
            writer.Write(score);
        }
    }
}
