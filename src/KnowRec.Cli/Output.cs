using System.Globalization;
using Spectre.Console;

namespace KnowRec.Cli;

/// <summary>Prints tables and progress: Spectre.Console on a terminal, plain aligned lines when redirected.</summary>
internal static class Output
{
    /// <summary>True when stdout is not a terminal (piped, redirected, CI): no colours, no boxes, no spinners.</summary>
    public static bool Plain => Console.IsOutputRedirected || Environment.GetEnvironmentVariable("CI") is { Length: > 0 };

    private static readonly Lazy<IAnsiConsole> Status = new(() =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }));

    /// <summary>True when progress can be drawn live (stderr is a terminal and this is not CI).</summary>
    public static bool LiveProgress => !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is not { Length: > 0 };

    /// <summary>A progress line on stderr (so stdout stays clean for --json); dimmed on a terminal.</summary>
    public static void Progress(string message)
    {
        if (LiveProgress)
        {
            Status.Value.MarkupLine($"[grey]{Markup.Escape(message)}[/]");
        }
        else
        {
            Console.Error.WriteLine(message);
        }
    }

    /// <summary>Runs <paramref name="work"/> under a spinner on a terminal; when redirected, prints one plain line first.</summary>
    public static T Run<T>(string message, Func<T> work)
    {
        if (!LiveProgress)
        {
            Console.Error.WriteLine(message);
            return work();
        }

        return Status.Value.Status().Spinner(Spinner.Known.Dots).Start(Markup.Escape(message), _ => work());
    }

    /// <summary>Writes a plain line to stdout.</summary>
    public static void Line(string text = "") => Console.Out.WriteLine(text);

    /// <summary>Writes a table with a header row.</summary>
    public static void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        if (Plain)
        {
            var widths = headers.Select((h, c) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[c].Length))).ToArray();
            Line(Format(headers, widths));
            Line(string.Join("  ", widths.Select(w => new string('-', w))));
            foreach (var row in all)
            {
                Line(Format(row, widths));
            }

            return;
        }

        var table = new Table().RoundedBorder();
        foreach (string h in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(h)));
        }

        foreach (var row in all)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        AnsiConsole.Write(table);
    }

    /// <summary>Invariant-culture number with a fixed number of decimals.</summary>
    public static string Number(double value, int decimals = 4) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Format(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
}
