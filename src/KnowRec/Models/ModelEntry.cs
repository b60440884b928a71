using KnowRec.Data;
using KnowRec.Storage;
using KnowRec.Training;

namespace KnowRec.Models;

/// <summary>One line of <see cref="ModelCatalog"/>: a kind, its options type, and how to fit and load it.</summary>
public sealed class ModelEntry
{
    private readonly Func<Dataset, IReadOnlyDictionary<string, string>, TrainingContext?, IRecommender> _fit;
    private readonly Func<ModelFileReader, IRecommender> _load;
    private readonly Func<IReadOnlyDictionary<string, string>, string> _optionsJson;

    private ModelEntry(
        string kind,
        string description,
        Type optionsType,
        bool predictsRatings,
        Func<Dataset, IReadOnlyDictionary<string, string>, TrainingContext?, IRecommender> fit,
        Func<ModelFileReader, IRecommender> load,
        Func<IReadOnlyDictionary<string, string>, string> optionsJson)
    {
        Kind = kind;
        Description = description;
        OptionsType = optionsType;
        PredictsRatings = predictsRatings;
        _fit = fit;
        _load = load;
        _optionsJson = optionsJson;
    }

    /// <summary>Kind name used by <c>--model</c>.</summary>
    public string Kind { get; }

    /// <summary>One line for help and listings.</summary>
    public string Description { get; }

    /// <summary>The options record type.</summary>
    public Type OptionsType { get; }

    /// <summary>True when <see cref="IRecommender.Score"/> predicts a rating on the data's scale (RMSE/MAE apply).</summary>
    public bool PredictsRatings { get; }

    /// <summary>Creates an entry from a typed fit and load.</summary>
    public static ModelEntry Create<TOptions>(
        string kind,
        string description,
        Func<Dataset, TOptions, TrainingContext?, IRecommender> fit,
        Func<ModelFileReader, IRecommender> load,
        bool predictsRatings = false)
        where TOptions : class, IModelOptions, new() =>
        new(kind, description, typeof(TOptions), predictsRatings, (data, settings, context) => fit(data, OptionsBinder.Bind<TOptions>(settings), context),
            load,
            settings => OptionsBinder.ToJson(OptionsBinder.Bind<TOptions>(settings)))
        {
            // The catalogue passes method groups (XModel.Fit), whose declared return type is the concrete model.
            Explains = typeof(IExplainableRecommender).IsAssignableFrom(fit.Method.ReturnType),
        };

    /// <summary>Fits the model with options built from <paramref name="settings"/> (NAME=VALUE pairs).</summary>
    public IRecommender Fit(Dataset train, IReadOnlyDictionary<string, string>? settings = null, TrainingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        return _fit(train, settings ?? new Dictionary<string, string>(), context);
    }

    /// <summary>The full options (defaults plus <paramref name="settings"/>) as JSON, validated.</summary>
    public string OptionsJson(IReadOnlyDictionary<string, string>? settings = null) => _optionsJson(settings ?? new Dictionary<string, string>());

    /// <summary>True when fitted models of this kind implement <see cref="IExplainableRecommender"/>.</summary>
    public bool Explains { get; private init; }

    /// <summary>Reads the model body from an opened model file of this kind.</summary>
    public IRecommender Load(ModelFileReader reader) => _load(reader);
}
