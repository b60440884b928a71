using KnowRec.Data;
using KnowRec.Numerics.Autodiff;
using KnowRec.Training;

namespace KnowRec.Models.Neural;

/// <summary>
/// Where a neural fit trains: on all of its training rows, or — with early stopping on (patience above 0) — on what is
/// left after <see cref="ValidationSplit.Carve"/> holds a share of each user's rows out as validation. The test rows are
/// never seen here.
/// </summary>
internal sealed class ValidationPlan
{
    private readonly RankingValidator? _validator;
    private readonly int _patience;

    private ValidationPlan(Dataset train, RankingValidator? validator, int patience)
    {
        Train = train;
        _validator = validator;
        _patience = patience;
    }

    /// <summary>The rows the model fits on.</summary>
    public Dataset Train { get; }

    /// <summary>A plan for <paramref name="train"/>: patience 0 trains on every row; otherwise a validation share is carved.</summary>
    public static ValidationPlan For(Dataset train, int patience, float share, int seed)
    {
        if (patience == 0)
        {
            return new ValidationPlan(train, null, 0);
        }

        var parts = ValidationSplit.Carve(train, share, seed);
        var validator = new RankingValidator(parts);

        // Too little data to hold any row out (every user below the minimum): train on everything, for every epoch.
        return validator.Users == 0 ? new ValidationPlan(train, null, 0) : new ValidationPlan(parts.Train, validator, patience);
    }

    /// <summary>
    /// Validation NDCG@10 of the model <paramref name="current"/> makes of the weights as they stand, with early stopping
    /// over <paramref name="parameters"/>; null when the plan validates nothing.
    /// </summary>
    public EpochValidation? Watch(IReadOnlyList<Tensor> parameters, Func<ScoringRecommender> current) =>
        _validator is null ? null : new EpochValidation(() => _validator.Ndcg(current().ScoreUsers), new EarlyStopping(parameters, _patience));
}
