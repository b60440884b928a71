using KnowRec.Data;
using KnowRec.Features;
using KnowRec.Models.Neural;
using KnowRec.Numerics.Autodiff;
using KnowRec.Training;

namespace KnowRec.Models.Hybrid;

/// <content>Training: the adaptor and the backbone end to end, with the backbone's own loss.</content>
public sealed partial class KarModel
{
    /// <summary>Fits the model on <paramref name="train"/>, which must carry a knowledge (or text) item vector source.</summary>
    /// <exception cref="ArgumentException">The dataset has no knowledge source.</exception>
    /// <exception cref="ModelFitException">The loss became NaN or infinite (lower the learning rate).</exception>
    /// <exception cref="OperationCanceledException">The context's token was cancelled.</exception>
    public static KarModel Fit(Dataset train, KarOptions? options = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new KarOptions();
        options.Validate();
        context ??= TrainingContext.Default;
        var matrix = train.Matrix;
        var inputs = KarInputs.For(train, matrix, options);
        var random = new System.Random(options.Seed);
        var adaptor = new KnowledgeAdaptor(inputs.Dimension, options.ExpertHidden, options.Augmented, options.SharedExperts, options.DedicatedExperts, random);
        return options.Backbone == KarBackbone.TwoTower
            ? FitTwoTower(train, options, context, inputs, adaptor, random)
            : FitNcf(train, options, context, inputs, adaptor, random);
    }

    private static KarModel FitTwoTower(Dataset train, KarOptions options, TrainingContext context, KarInputs inputs, KnowledgeAdaptor adaptor, System.Random random)
    {
        var matrix = train.Matrix;
        int q = options.Augmented, threads = EpochLoop.Threads(context);
        var userTower = new Tower(matrix.Users, options.Factors, (inputs.UserFeatures?.Columns ?? 0) + q, options.Hidden, random);
        var itemTower = new Tower(matrix.Items, options.Factors, (inputs.ItemFeatures?.Columns ?? 0) + q, options.Hidden, random);
        var userTable = Table(inputs.UserFeatures);
        var itemTable = Table(inputs.ItemFeatures);
        var itemCounts = Counts(matrix);
        if (matrix.NonZeros > 0)
        {
            Tensor Features(Tape tape, Tensor? table, int side, int[] indices)
            {
                var augmented = inputs.Augment(tape, adaptor, side, indices);
                return table is null ? augmented : Ops.Concat(tape, Ops.EmbeddingLookup(tape, table, indices), augmented);
            }

            var schedule = new TowerSchedule(options.Epochs, options.BatchSize, options.LearningRate, options.WeightDecay, options.Negatives, true, options.IdDropout, options.Seed);
            new TowerTrainer(
                matrix,
                schedule,
                [.. adaptor.Parameters, .. userTower.Parameters, .. itemTower.Parameters],
                (tape, rows, indices) => userTower.Forward(tape, rows, Features(tape, userTable, KnowledgeAdaptor.User, indices)),
                userTower.UnknownRow,
                (tape, rows, indices) => itemTower.Forward(tape, rows, Features(tape, itemTable, KnowledgeAdaptor.Item, indices)),
                itemTower.UnknownRow,
                itemCounts).Run(context, null, null);
        }

        var userFeatures = Join(inputs.UserFeatures, inputs.AugmentAll(adaptor, KnowledgeAdaptor.User, matrix.Users, threads), matrix.Users, q);
        var itemFeatures = Join(inputs.ItemFeatures, inputs.AugmentAll(adaptor, KnowledgeAdaptor.Item, matrix.Items, threads), matrix.Items, q);
        var userVectors = userTower.Export().EmbedAll(matrix.Users, u => matrix.CountOf(u) > 0, userFeatures);
        var itemVectors = itemTower.Export().EmbedAll(matrix.Items, i => itemCounts[i] > 0, itemFeatures);
        return new KarModel(train.Users, train.Items, matrix, options, options.Factors, userVectors, itemVectors, null);
    }

    private static KarModel FitNcf(Dataset train, KarOptions options, TrainingContext context, KarInputs inputs, KnowledgeAdaptor adaptor, System.Random random)
    {
        var matrix = train.Matrix;
        int threads = EpochLoop.Threads(context);
        var network = new KarNcfNetwork(matrix.Users, matrix.Items, options, random);
        if (matrix.NonZeros > 0 && matrix.Items > 1)
        {
            var schedule = new SampledSchedule(options.Epochs, options.BatchSize, options.LearningRate, options.WeightDecay, Math.Min(options.Negatives, 4), 1, options.Seed);
            Tensor Logits(Tape tape, int[] users, int[] items) =>
                network.Forward(tape, users, items, inputs.Augment(tape, adaptor, KnowledgeAdaptor.User, users), inputs.Augment(tape, adaptor, KnowledgeAdaptor.Item, items));
            SampledTrainer.Pointwise(matrix, [.. adaptor.Parameters, .. network.Parameters], schedule, Logits, context, null, null);
        }

        // Rows never trained hold their random start: zero them, so such users and items are scored by knowledge alone.
        var itemCounts = Counts(matrix);
        var userParts = Parts(network.GmfUsers, network.MlpUsers, inputs.AugmentAll(adaptor, KnowledgeAdaptor.User, matrix.Users, threads), network.FirstUser, null, u => matrix.CountOf(u) > 0, options);
        var itemParts = Parts(network.GmfItems, network.MlpItems, inputs.AugmentAll(adaptor, KnowledgeAdaptor.Item, matrix.Items, threads), network.FirstItem, network.FirstBias, i => itemCounts[i] > 0, options);
        var head = new NcfHead(options.Factors, options.Hidden, (float[])network.OutputGmf.Data.Clone(), (float[])network.Second.Weight.Data.Clone(), (float[])network.Second.Bias.Data.Clone(), (float[])network.OutputMlp.Data.Clone(), network.OutputBias.Data[0]);
        return new KarModel(train.Users, train.Items, matrix, options, head.Width, userParts, itemParts, head);
    }

    // [p^G; [p^M; r̂]·W (+ b)] per row, with the id embeddings of untrained rows taken as zero.
    private static float[] Parts(Tensor gmf, Tensor mlp, float[] augmented, Tensor first, Tensor? bias, Func<int, bool> trained, KarOptions options)
    {
        int rows = gmf.Rows, d = options.Factors, half = mlp.Columns, q = options.Augmented, h = options.Hidden, width = d + h;
        var parts = new float[rows * width];
        var input = new float[half + q];
        var zero = new float[h];
        for (int r = 0; r < rows; r++)
        {
            bool known = trained(r);
            var part = parts.AsSpan(r * width, width);
            if (known)
            {
                gmf.Data.AsSpan(r * d, d).CopyTo(part);
                mlp.Data.AsSpan(r * half, half).CopyTo(input);
            }
            else
            {
                Array.Clear(input, 0, half);
            }

            augmented.AsSpan(r * q, q).CopyTo(input.AsSpan(half));
            RowKernels.Affine(input, first.Data, bias?.Data ?? zero, part[d..], relu: false);
        }

        return parts;
    }

    private static int[] Counts(InteractionMatrix matrix)
    {
        var counts = new int[matrix.Items];
        foreach (int item in matrix.Columns)
        {
            counts[item]++;
        }

        return counts;
    }

    private static Tensor? Table(FeatureMatrix? features) => features is null ? null : Tensor.FromArray(features.Values.ToArray(), [features.Rows, features.Columns]);

    private static FeatureMatrix Join(FeatureMatrix? features, float[] augmented, int rows, int q)
    {
        int f = features?.Columns ?? 0, width = f + q;
        var values = new float[rows * width];
        for (int r = 0; r < rows; r++)
        {
            features?.Row(r).CopyTo(values.AsSpan(r * width, f));
            augmented.AsSpan(r * q, q).CopyTo(values.AsSpan((r * width) + f, q));
        }

        return new FeatureMatrix(rows, width, values);
    }
}
