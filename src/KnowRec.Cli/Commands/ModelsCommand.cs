using System.CommandLine;
using KnowRec.Models;

namespace KnowRec.Cli.Commands;

/// <summary><c>knowrec models</c>: every model kind with its options and defaults; <c>models pull</c> fetches pretrained text encoders.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "List model kinds, their options and defaults; `models pull NAME` downloads a pretrained text encoder") { ModelsPullCommand.Create() };
        command.SetAction(_ =>
        {
            foreach (var entry in ModelCatalog.Entries)
            {
                Output.Line($"{entry.Kind}: {entry.Description}");
                foreach (var (name, type, value) in OptionsBinder.Describe(entry.OptionsType))
                {
                    Output.Line($"  --set {name}=<{type}>  (default {value})");
                }
            }

            return 0;
        });
        return command;
    }
}
