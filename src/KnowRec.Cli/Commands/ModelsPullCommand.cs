using System.CommandLine;
using KnowRec.Features.Text.Onnx;

namespace KnowRec.Cli.Commands;

/// <summary><c>knowrec models pull NAME</c>: download a pretrained text encoder from the Hugging Face Hub and verify it.</summary>
internal static class ModelsPullCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = $"One of: {string.Join(", ", PretrainedModels.All.Select(m => m.Name))}" };
        var to = new Option<string?>("--to") { Description = "Models folder; the model goes into DIR/NAME (default: $KNOWREC_MODELS, else ~/.knowrec/models)" };
        var endpoint = new Option<string?>("--endpoint") { Description = "Hugging Face Hub address or mirror (default: $HF_ENDPOINT, else https://huggingface.co)" };
        var command = new Command("pull", "Download a pretrained text encoder (ONNX export and tokenizer) from the Hugging Face Hub, verify each SHA-256, move it into place") { name, to, endpoint };
        command.SetAction(async (result, cancellationToken) => await Task.FromResult(CommandRunner.Run(() =>
        {
            var model = PretrainedModels.Get(result.GetValue(name)!);
            string root = result.GetValue(to) ?? (ModelLocator.DefaultRoots is [var first, ..] ? first : null)
                ?? throw new ArgumentException("No models folder: pass --to DIR or set KNOWREC_MODELS.", nameof(to));
            Uri? hub = result.GetValue(endpoint) is { } address
                ? Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"--endpoint '{address}' is not an absolute URL.", nameof(endpoint))
                : null;
            // Redirects are followed by the downloader, which reads the Hub's SHA-256 header on the redirect itself.
            using var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(30) };
            string folder = new PretrainedModelDownloader(http).PullAsync(model, root, hub, LineProgress.Instance, cancellationToken).GetAwaiter().GetResult();
            Output.Line($"{model.Name}: verified and saved in {folder}; use it with --text-encoder onnx --model-path {folder}");
            return 0;
        })).ConfigureAwait(false));
        return command;
    }
}
