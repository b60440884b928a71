using KnowRec.Training;

namespace KnowRec.Cli;

/// <summary>Runs a command body and turns expected failures into one clear line and an exit code, never a stack trace.</summary>
internal static class CommandRunner
{
    /// <summary>Exit code for bad data, a failed fit or a failed download.</summary>
    public const int Failure = 1;

    /// <summary>Exit code for a bad command line (unknown model, invalid option value).</summary>
    public const int Usage = 2;

    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InvalidDataException e)
        {
            // Data errors already read FILE:LINE: reason.
            Console.Error.WriteLine(e.Message);
            return Failure;
        }
        catch (ModelFitException e)
        {
            Console.Error.WriteLine($"error: fit failed: {e.Message}");
            return Failure;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Failure;
        }
        catch (ArgumentException e)
        {
            // The message already names the option; .NET's "(Parameter 'x')" suffix only repeats it.
            string message = e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;
            Console.Error.WriteLine($"error: {message}");
            return Usage;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled");
            return Failure;
        }
    }
}
