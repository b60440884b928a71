using System.Numerics.Tensors;
using KnowRec.Data;
using KnowRec.Numerics;
using KnowRec.Storage;
using KnowRec.Training;

namespace KnowRec.Models.Ease;

/// <summary>
/// EASEᴿ, the embarrassingly shallow autoencoder: an item × item weight matrix B with a zero diagonal, learned in closed
/// form, scores a user's items as x_u·B. Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data" (WWW), eq. 8.
/// </summary>
/// <remarks>
/// Fit: G = XᵀX + λI for the binary user × item matrix X (Steck's setting: an entry means "interacted", whatever its
/// value), P = G⁻¹ in double precision through <see cref="SpdInverse"/>, then B = I − P·diagMat(1 ⊘ diag(P)), i.e.
/// B_ij = −P_ij / P_jj off the diagonal, stored as float32. Time O(items³) (about items³ multiply-adds), memory
/// 8·items² bytes while fitting and 4·items² after. Scoring a user adds the rows of B of the user's items.
/// </remarks>
public sealed class EaseModel : ScoringRecommender
{
    /// <summary>Catalogue kind.</summary>
    public const string KindName = "ease";

    private readonly float[] _weights;

    private EaseModel(IdMap users, IdMap items, InteractionMatrix seen, EaseOptions options, double lambda, float[] weights)
        : base(users, items, seen)
    {
        Options = options;
        Lambda = lambda;
        _weights = weights;
    }

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>The options used to fit.</summary>
    public EaseOptions Options { get; }

    /// <summary>The λ the fit used (from <see cref="EaseOptions.Regularization"/> or scaled to the data).</summary>
    public double Lambda { get; }

    /// <inheritdoc/>
    public override string OptionsJson => OptionsBinder.ToJson(Options);

    /// <summary>The item × item weights B, row-major (row = the item a user has, column = the item scored).</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>Learns B from <paramref name="train"/> in closed form.</summary>
    /// <exception cref="ModelFitException">XᵀX + λI could not be inverted (λ too small for the machine's precision).</exception>
    public static EaseModel Fit(Dataset train, EaseOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new EaseOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        var seen = train.Matrix;
        int n = seen.Items;
        double lambda = options.LambdaFor(seen.NonZeros, n);
        context.Cancellation.ThrowIfCancellationRequested();
        var gram = new double[(long)n * n];
        Syrk.Gram<double>(seen, gram, binary: true, context.Threads);
        for (int i = 0; i < n; i++)
        {
            gram[((long)i * n) + i] += lambda;
        }

        context.Cancellation.ThrowIfCancellationRequested();
        if (!SpdInverse.Invert<double>(gram, n, context.Threads))
        {
            throw new ModelFitException($"EASE: XᵀX + λI with λ = {lambda} is not numerically positive definite; raise Regularization.");
        }

        context.Cancellation.ThrowIfCancellationRequested();
        var weights = new float[(long)n * n];
        var scale = new double[n];
        for (int j = 0; j < n; j++)
        {
            scale[j] = -1.0 / gram[((long)j * n) + j];
        }

        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = context.Threads }, i =>
        {
            var p = gram.AsSpan(i * n, n);
            var b = weights.AsSpan(i * n, n);
            for (int j = 0; j < n; j++)
            {
                b[j] = (float)(p[j] * scale[j]);
            }

            b[i] = 0f;
        });

        return new EaseModel(train.Users, train.Items, seen, options, lambda, weights);
    }

    /// <summary>Reads a model written by <see cref="ScoringRecommender.Save"/>.</summary>
    public static EaseModel Load(Stream source)
    {
        using var reader = ModelFileReader.Open(source);
        return Load(reader);
    }

    /// <summary>Reads the model from an opened model file.</summary>
    public static EaseModel Load(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var options = OptionsBinder.FromJson<EaseOptions>(reader.OptionsJson);
        var (users, items, seen) = ReadCommon(reader);
        double lambda = reader.ReadDouble();
        float[] weights = reader.ReadSingleArray();
        if (weights.LongLength != (long)items.Count * items.Count)
        {
            throw new InvalidDataException($"EASE model file has {weights.LongLength} weights for {items.Count} items.");
        }

        return new EaseModel(users, items, seen, options, lambda, weights);
    }

    /// <inheritdoc/>
    protected override float ScoreCore(int user, int item)
    {
        int n = Items.Count;
        float sum = 0f;
        foreach (int i in Seen.ItemsOf(user))
        {
            sum += _weights[((long)i * n) + item];
        }

        return sum;
    }

    /// <inheritdoc/>
    protected override void ScoreAll(int user, Span<float> scores)
    {
        int n = Items.Count;
        scores.Clear();
        // x_u·B for binary x_u is the sum of B's rows of the user's items, in item order (same order as ScoreCore).
        foreach (int i in Seen.ItemsOf(user))
        {
            TensorPrimitives.Add(scores, _weights.AsSpan(i * n, n), scores);
        }
    }

    /// <inheritdoc/>
    protected override void SaveCore(ModelFileWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Lambda);
        writer.Write(_weights);
    }
}
