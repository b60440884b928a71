using KnowRec.Numerics.Autodiff;

namespace KnowRec.Training;

/// <summary>Stops training when a validation metric (higher is better) has not improved for a while, and keeps the best parameters.</summary>
/// <remarks>
/// <para>
/// Prechelt's "early stopping, but when?" (1998) rule with patience: an evaluation improves when its metric exceeds the
/// best so far by more than <see cref="MinDelta"/>; then a copy of every parameter's <see cref="Tensor.Data"/> is taken.
/// After <see cref="Patience"/> evaluations in a row without improvement, <see cref="ShouldStop"/> turns true.
/// <see cref="RestoreBest"/> copies the best snapshot back, so the model ends at its best validated epoch rather than its
/// last. A NaN metric never improves. Not thread-safe.
/// </para>
/// <example>
/// <code>
/// var stopping = new EarlyStopping(optimizer.Parameters, patience: 3);
/// for (int epoch = 0; epoch &lt; epochs &amp;&amp; !stopping.ShouldStop; epoch++)
/// {
///     RunEpoch(epoch);
///     stopping.Report(epoch + 1, validator.Ndcg(Score));
/// }
///
/// stopping.RestoreBest();
/// </code>
/// </example>
/// </remarks>
public sealed class EarlyStopping
{
    private readonly Tensor[] _parameters;
    private readonly float[][] _best;

    /// <summary>Creates the tracker.</summary>
    /// <param name="parameters">Tensors whose values are snapshotted at the best evaluation.</param>
    /// <param name="patience">Evaluations without improvement before stopping, at least 1 (default 5).</param>
    /// <param name="minDelta">Smallest rise that counts as an improvement, not negative (default 0).</param>
    public EarlyStopping(IReadOnlyList<Tensor> parameters, int patience = 5, double minDelta = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(patience, 1);
        if (!(minDelta >= 0) || double.IsInfinity(minDelta))
        {
            throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, "The smallest improvement must be finite and not negative.");
        }

        _parameters = [.. parameters];
        foreach (var parameter in _parameters)
        {
            ArgumentNullException.ThrowIfNull(parameter, nameof(parameters));
        }

        _best = [.. _parameters.Select(p => new float[p.Length])];
        Patience = patience;
        MinDelta = minDelta;
    }

    /// <summary>Evaluations without improvement before <see cref="ShouldStop"/>.</summary>
    public int Patience { get; }

    /// <summary>Smallest rise that counts as an improvement.</summary>
    public double MinDelta { get; }

    /// <summary>The best metric so far, or NaN before the first finite one.</summary>
    public double BestMetric { get; private set; } = double.NaN;

    /// <summary>The epoch passed with <see cref="BestMetric"/>, or 0 before any.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>Evaluations since the last improvement.</summary>
    public int EvaluationsWithoutImprovement { get; private set; }

    /// <summary>Whether <see cref="Patience"/> evaluations in a row brought no improvement.</summary>
    public bool ShouldStop => EvaluationsWithoutImprovement >= Patience;

    /// <summary>The snapshot arrays, one per parameter; the checkpoint reads and writes them in place.</summary>
    internal IReadOnlyList<float[]> Snapshot => _best;

    /// <summary>Records the validation metric after <paramref name="epoch"/>; snapshots the parameters when it improved.</summary>
    /// <param name="epoch">The one-based epoch just evaluated, kept as <see cref="BestEpoch"/>.</param>
    /// <param name="metric">The metric, higher is better.</param>
    /// <returns>Whether this evaluation is the new best.</returns>
    public bool Report(int epoch, double metric)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 1);
        bool improved = !double.IsNaN(metric) && (double.IsNaN(BestMetric) || metric > BestMetric + MinDelta);
        if (!improved)
        {
            EvaluationsWithoutImprovement++;
            return false;
        }

        BestMetric = metric;
        BestEpoch = epoch;
        EvaluationsWithoutImprovement = 0;
        for (int p = 0; p < _parameters.Length; p++)
        {
            _parameters[p].Data.CopyTo(_best[p], 0);
        }

        return true;
    }

    /// <summary>Copies the best snapshot back into the parameters; does nothing before the first improvement.</summary>
    /// <returns>Whether parameters were restored.</returns>
    public bool RestoreBest()
    {
        if (BestEpoch == 0)
        {
            return false;
        }

        for (int p = 0; p < _parameters.Length; p++)
        {
            _best[p].CopyTo(_parameters[p].Data, 0);
        }

        return true;
    }

    /// <summary>Sets the counters when a checkpoint is restored (the snapshot arrays are filled by the caller).</summary>
    internal void Restore(double bestMetric, int bestEpoch, int evaluationsWithoutImprovement)
    {
        BestMetric = bestMetric;
        BestEpoch = bestEpoch;
        EvaluationsWithoutImprovement = evaluationsWithoutImprovement;
    }
}
