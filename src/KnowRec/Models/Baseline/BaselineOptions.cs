using System.Text.Json.Serialization;

namespace KnowRec.Models.Baseline;

/// <summary>Options of <see cref="BaselineModel"/> and of the baselines inside the neighbourhood models.</summary>
/// <remarks>Defaults are Surprise's <c>bsl_options</c> defaults, so results can be compared with it.</remarks>
public sealed record BaselineOptions : IModelOptions
{
    /// <summary>Fitting method (default <see cref="BaselineMethod.Als"/>).</summary>
    public BaselineMethod Method { get; init; } = BaselineMethod.Als;

    /// <summary>Passes over the data; null means the method's default: 10 for ALS, 20 for SGD.</summary>
    public int? Epochs { get; init; }

    /// <summary>ALS: regularisation λ of the user biases (default 15).</summary>
    public float UserRegularization { get; init; } = 15f;

    /// <summary>ALS: regularisation λ of the item biases (default 10).</summary>
    public float ItemRegularization { get; init; } = 10f;

    /// <summary>SGD: regularisation λ of both biases (default 0.02).</summary>
    public float Regularization { get; init; } = 0.02f;

    /// <summary>SGD: learning rate γ (default 0.005).</summary>
    public float LearningRate { get; init; } = 0.005f;

    /// <summary>The number of epochs the fit runs: <see cref="Epochs"/> or the method's default.</summary>
    [JsonIgnore]
    public int EffectiveEpochs => Epochs ?? (Method == BaselineMethod.Als ? 10 : 20);

    /// <inheritdoc/>
    public void Validate()
    {
        if (!Enum.IsDefined(Method))
        {
            throw new ArgumentException($"Method {Method} is not defined.", nameof(Method));
        }

        if (Epochs is < 1)
        {
            throw new ArgumentException($"Epochs must be at least 1, not {Epochs}.", nameof(Epochs));
        }

        Check(UserRegularization, nameof(UserRegularization));
        Check(ItemRegularization, nameof(ItemRegularization));
        Check(Regularization, nameof(Regularization));
        if (!(LearningRate > 0f && float.IsFinite(LearningRate)))
        {
            throw new ArgumentException($"LearningRate must be positive and finite, not {LearningRate}.", nameof(LearningRate));
        }
    }

    private static void Check(float value, string name)
    {
        if (!(value >= 0f && float.IsFinite(value)))
        {
            throw new ArgumentException($"{name} must be non-negative and finite, not {value}.", name);
        }
    }
}
