using System.ClientModel;
using System.Net;
using Microsoft.Extensions.AI;

namespace KnowRec.Knowledge.Generation;

/// <summary>One request with its timeout, retries and token accounting.</summary>
public sealed partial class LlmKnowledgeGenerator
{
    // The answer text, or null and why it failed after all retries; tokens of the successful request.
    private async Task<(string? Answer, string Failure, long Input, long Output)> AskAsync(List<ChatMessage> messages, GenerationCounters counters, CancellationToken cancellationToken)
    {
        var chat = new ChatOptions
        {
            ModelId = _options.Model,
            Temperature = _options.Temperature,
            ResponseFormat = ChatResponseFormat.Json,
        };
        for (int retry = 0; ; retry++)
        {
            counters.Request();
            string failure;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(_options.Timeout);
                try
                {
                    var response = await _client.GetResponseAsync(messages, chat, timeout.Token).ConfigureAwait(false);
                    long input = response.Usage?.InputTokenCount ?? 0;
                    long output = response.Usage?.OutputTokenCount ?? 0;
                    counters.Tokens(input, output);
                    return (response.Text, "", input, output);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    counters.Timeout();
                    failure = $"timed out after {_options.Timeout.TotalSeconds:0.###} s";
                }
                catch (Exception e) when (Transient(e) is { } why)
                {
                    failure = why;
                }
            }

            if (retry >= _options.MaxRetries)
            {
                return (null, $"{failure} ({retry + 1} requests)", 0, 0);
            }

            counters.Retry();
            await Task.Delay(_options.InitialBackoff * Math.Pow(2, retry), cancellationToken).ConfigureAwait(false);
        }
    }

    // Rate limits, server errors and broken connections pass; anything else (401, 400, 404) is the caller's to fix.
    private static string? Transient(Exception e) => e switch
    {
        ClientResultException { Status: 429 or >= 500 } c => $"HTTP {c.Status}",
        ClientResultException { Status: 0 } c => $"network error: {c.Message}",
        HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError } h => $"HTTP {(int)h.StatusCode!}",
        HttpRequestException { StatusCode: null } h => $"network error: {h.Message}",
        IOException io => $"network error: {io.Message}",
        _ => null,
    };
}
