using System.CommandLine;
using KnowRec.Models;

namespace KnowRec.Cli;

/// <summary>The <c>--model</c> and <c>--set NAME=VALUE</c> options shared by commands that fit a model.</summary>
internal sealed class ModelOptions
{
    public Option<string> Model { get; } = new("--model", "-m")
    {
        Description = $"Model kind: {string.Join(", ", ModelCatalog.Entries.Select(e => e.Kind))}",
        DefaultValueFactory = _ => "popularity",
    };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "Model option NAME=VALUE (repeatable); `knowrec models` lists them",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Fusion { get; } = new("--fusion")
    {
        Description = "Fusion of the hybrid model's item sources: concat, weighted, attention or gated (same as --set Fusion=NAME)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Model);
        command.Options.Add(Set);
        command.Options.Add(Fusion);
    }

    public ModelEntry Entry(ParseResult result) => ModelCatalog.Get(result.GetValue(Model)!);

    /// <summary>Checks the model kind and every --set value before any data is read, so a typo fails at once.</summary>
    public void Validate(ParseResult result) => Entry(result).OptionsJson(Settings(result));

    public IReadOnlyDictionary<string, string> Settings(ParseResult result)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string pair in result.GetValue(Set) ?? [])
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"--set expects NAME=VALUE, got '{pair}'.");
            }

            settings[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }

        if (result.GetValue(Fusion) is { } fusion)
        {
            if (!string.Equals(result.GetValue(Model), Models.Hybrid.HybridModel.KindName, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"--fusion applies to --model {Models.Hybrid.HybridModel.KindName}, not {result.GetValue(Model)}.");
            }

            settings["Fusion"] = fusion;
        }

        return settings;
    }
}
