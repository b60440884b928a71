using System.Diagnostics;
using KnowRec.Numerics.Optimizers;

namespace KnowRec.Training;

/// <summary>
/// Runs the epochs of a fit: progress reports, cancellation, divergence checks, validation with early stopping, and
/// checkpoints with resume. The model supplies only the body of one epoch.
/// </summary>
/// <remarks>
/// <para>
/// Each epoch, in order: the cancellation token is checked; the body runs and returns its loss (NaN or infinity throws
/// <see cref="ModelFitException"/> naming the epoch); every <see cref="ValidationEvery"/> epochs and after the last,
/// <see cref="Validation"/> is measured and given to <see cref="EarlyStopping"/>; every <see cref="CheckpointEvery"/>
/// epochs, after the last and when stopping early, a checkpoint is saved; then one <see cref="EpochReport"/> goes to
/// <see cref="TrainingContext.Progress"/>. At the end the best validated parameters are restored.
/// </para>
/// <para>
/// The body receives the zero-based epoch index; for a run that can resume exactly, derive the epoch's randomness from
/// it (<see cref="ShuffledBatches.Epoch"/>, <c>SplitMix64.Derive(seed, epoch)</c>) instead of carrying a generator
/// across epochs. Not thread-safe; one loop per fit.
/// </para>
/// <example>
/// <code>
/// var optimizer = new Adam(parameters, options.LearningRate);
/// var parts = ValidationSplit.Carve(train, seed: options.Seed);   // fit on parts.Train
/// var validator = new RankingValidator(parts);
/// var batches = new ShuffledBatches(examples, options.BatchSize, options.Seed);
/// var loop = new TrainingLoop(options.Epochs, context)
/// {
///     Validation = () => validator.Ndcg(ScoreBatch),          // NDCG@10, higher is better
///     EarlyStopping = new EarlyStopping(optimizer.Parameters, patience: 3),
///     Optimizer = optimizer,                                  // needed for checkpoints only
///     CheckpointPath = options.CheckpointPath,
///     Resume = true,
/// };
/// TrainingResult result = loop.Run(epoch =>
/// {
///     double total = 0;
///     foreach (var batch in batches.Epoch(epoch))
///     {
///         context.Cancellation.ThrowIfCancellationRequested();
///         optimizer.ZeroGrad();
///         var tape = new Tape { Threads = context.Threads };
///         var loss = Loss(tape, batch);
///         tape.Backward(loss);
///         optimizer.Step();
///         total += loss.Data[0] * batch.Count;
///     }
///
///     return total / examples;                                // the epoch's mean loss
/// });
/// </code>
/// </example>
/// </remarks>
public sealed class TrainingLoop
{
    /// <summary>Creates a loop of <paramref name="epochs"/> epochs.</summary>
    /// <param name="epochs">Planned number of epochs, not negative.</param>
    /// <param name="context">Progress and cancellation (default <see cref="TrainingContext.Default"/>).</param>
    public TrainingLoop(int epochs, TrainingContext? context = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        Epochs = epochs;
        Context = context ?? TrainingContext.Default;
    }

    /// <summary>Planned number of epochs.</summary>
    public int Epochs { get; }

    /// <summary>Where reports go and what cancels the run.</summary>
    public TrainingContext Context { get; }

    /// <summary>Measures the current parameters on validation data (higher is better, e.g. <see cref="RankingValidator.Ndcg"/>); null for none.</summary>
    public Func<double>? Validation { get; init; }

    /// <summary>Validate after every this many epochs (and after the last), at least 1 (default 1).</summary>
    public int ValidationEvery
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    }

    = 1;

    /// <summary>Stops when <see cref="Validation"/> stops improving and restores the best parameters at the end; needs <see cref="Validation"/>.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>The optimiser whose parameters and state checkpoints save; needed with <see cref="CheckpointPath"/>.</summary>
    public Optimizer? Optimizer { get; init; }

    /// <summary>Where checkpoints are written (see <see cref="Checkpoint"/>); null for none.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Save a checkpoint after every this many epochs (and after the last), at least 1 (default 1).</summary>
    public int CheckpointEvery
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    }

    = 1;

    /// <summary>When <see cref="CheckpointPath"/> exists, continue from it instead of starting afresh (default false).</summary>
    public bool Resume { get; init; }

    /// <summary>Runs the remaining epochs.</summary>
    /// <param name="epoch">Runs one epoch, given its zero-based index, and returns its training loss.</param>
    /// <returns>What the run did.</returns>
    /// <exception cref="ModelFitException">An epoch's loss was NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    /// <exception cref="InvalidOperationException">Early stopping without validation, checkpoints without an optimiser, or resume without a checkpoint path.</exception>
    /// <exception cref="InvalidDataException">The checkpoint to resume from is damaged or does not fit the model.</exception>
    public TrainingResult Run(Func<int, double> epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        if (EarlyStopping is not null && Validation is null)
        {
            throw new InvalidOperationException("Early stopping needs a Validation function to measure.");
        }

        if (CheckpointPath is not null && Optimizer is null)
        {
            throw new InvalidOperationException("Checkpoints need the Optimizer, whose parameters and state they save.");
        }

        if (Resume && CheckpointPath is null)
        {
            throw new InvalidOperationException("Resume needs a CheckpointPath to resume from.");
        }

        var clock = Stopwatch.StartNew();
        int start = 0;
        if (Resume && CheckpointPath is not null && File.Exists(CheckpointPath))
        {
            start = Math.Min(Epochs, Checkpoint.Load(CheckpointPath, Optimizer!.Parameters, Optimizer, EarlyStopping));
        }

        bool stopped = EarlyStopping?.ShouldStop ?? false;
        double loss = double.NaN;
        int done = start;
        while (done < Epochs && !stopped)
        {
            Context.Cancellation.ThrowIfCancellationRequested();
            loss = epoch(done);
            done++;
            if (!double.IsFinite(loss))
            {
                throw new ModelFitException($"Training diverged at epoch {done}: the loss is {loss}. Lower the learning rate or clip gradients.");
            }

            double? metric = null;
            if (Validation is not null && (done % ValidationEvery == 0 || done == Epochs))
            {
                metric = Validation();
                EarlyStopping?.Report(done, metric.Value);
                stopped = EarlyStopping?.ShouldStop ?? false;
            }

            if (CheckpointPath is not null && (done % CheckpointEvery == 0 || done == Epochs || stopped))
            {
                Checkpoint.Save(CheckpointPath, done, Optimizer!.Parameters, Optimizer, EarlyStopping);
            }

            Context.Progress?.Report(new EpochReport(done, Epochs, loss, clock.Elapsed, metric));
        }

        EarlyStopping?.RestoreBest();
        return new TrainingResult(
            done,
            loss,
            stopped && done < Epochs,
            EarlyStopping?.BestEpoch ?? 0,
            EarlyStopping?.BestMetric ?? double.NaN,
            start);
    }
}
