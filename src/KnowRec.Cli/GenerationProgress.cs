using Spectre.Console;

namespace KnowRec.Cli;

/// <summary>A progress bar for a long asynchronous run on a terminal; plain lines at every tenth when stderr is redirected.</summary>
internal static class GenerationProgress
{
    public static T Run<T>(string label, int total, Func<IProgress<int>, Task<T>> work)
    {
        if (!Output.LiveProgress || total == 0)
        {
            return work(new PlainLines(label, total)).GetAwaiter().GetResult();
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: total);
                return await work(new Bar(task)).ConfigureAwait(false);
            })
            .GetAwaiter().GetResult();
    }

    private sealed class Bar(ProgressTask task) : IProgress<int>
    {
        public void Report(int value) => task.Value = value;
    }

    private sealed class PlainLines(string label, int total) : IProgress<int>
    {
        private int _printed = -1;

        public void Report(int value)
        {
            int tenth = total == 0 ? 10 : value * 10 / total;
            int seen = Volatile.Read(ref _printed);
            if (tenth > seen && Interlocked.CompareExchange(ref _printed, tenth, seen) == seen)
            {
                Console.Error.WriteLine($"{label}: {value:N0}/{total:N0}");
            }
        }
    }
}
