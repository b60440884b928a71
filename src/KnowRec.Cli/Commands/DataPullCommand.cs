using System.CommandLine;
using KnowRec.Data.Download;
using KnowRec.Data.Readers;

namespace KnowRec.Cli.Commands;

/// <summary><c>knowrec data pull NAME</c>: download an official archive, verify its checksums, unpack it.</summary>
internal static class DataPullCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = $"One of: {string.Join(", ", DownloadCatalog.Sources.Select(s => s.Name))}" };
        var into = new Option<string?>("--into") { Description = "Data folder to unpack into (default: $KNOWREC_DATA, else ~/.knowrec/datasets)" };
        var command = new Command("pull", "Download an official dataset archive, verify its checksums and unpack it") { name, into };
        command.SetAction(async (result, cancellationToken) => await Task.FromResult(CommandRunner.Run(() =>
        {
            var source = DownloadCatalog.Get(result.GetValue(name)!);
            string root = result.GetValue(into) ?? DataLocator.DefaultRoots[0];
            Output.Progress($"downloading {source.Url}");
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
            string folder = new DatasetDownloader(http).PullAsync(source, root, cancellationToken).GetAwaiter().GetResult();
            Output.Line($"{source.Name}: verified and unpacked into {folder}");
            return 0;
        })).ConfigureAwait(false));
        return command;
    }
}
