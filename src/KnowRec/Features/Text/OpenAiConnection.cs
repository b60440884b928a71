using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace KnowRec.Features.Text;

/// <summary>Where and how to reach an OpenAI-compatible REST API (OpenAI, Azure OpenAI v1, Ollama, vLLM, LM Studio).</summary>
/// <remarks>
/// <see cref="Endpoint"/> is the API's base address including <c>/v1/</c>: <c>https://api.openai.com/v1/</c>,
/// <c>https://RESOURCE.openai.azure.com/openai/v1/</c>, <c>http://localhost:11434/v1/</c> (Ollama),
/// <c>http://localhost:8000/v1/</c> (vLLM). Servers that need no key (Ollama, vLLM) get a placeholder one.
/// </remarks>
/// <param name="Endpoint">Base address of the API; null means OpenAI's own.</param>
/// <param name="ApiKey">Bearer key; null or empty for servers that need none.</param>
public sealed record OpenAiConnection(Uri? Endpoint, string? ApiKey)
{
    /// <summary>Environment variable holding the API key (the one OpenAI's own tools read).</summary>
    public const string ApiKeyVariable = "OPENAI_API_KEY";

    /// <summary>Most seconds one HTTP call may take before the SDK gives up (the caller may cancel sooner).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Retries the SDK itself makes on 429, 5xx and network errors, with exponential backoff; 0 leaves retrying to the
    /// caller (knowledge generation retries itself so that it can count retries and honour its own timeout).
    /// </summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The key from <paramref name="apiKey"/> when given, else from <c>OPENAI_API_KEY</c>.</summary>
    public static string? KeyOrEnvironment(string? apiKey) =>
        !string.IsNullOrEmpty(apiKey) ? apiKey : Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key ? key : null;

    /// <summary>Parses an endpoint given on a command line or in the environment; a missing trailing slash is added so relative paths keep <c>/v1</c>.</summary>
    public static Uri ParseEndpoint(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        string text = endpoint.Trim();
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Endpoint '{endpoint}' is not an http(s) address such as http://localhost:11434/v1/.", nameof(endpoint));
        }

        return uri;
    }

    /// <summary>An SDK client for this connection.</summary>
    public OpenAIClient CreateClient()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero);
        var options = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(MaxRetries),
            NetworkTimeout = Timeout,
        };
        if (Endpoint is not null)
        {
            options.Endpoint = Endpoint;
        }

        // The SDK refuses an empty key; local servers ignore whatever is sent.
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(ApiKey) ? "unused" : ApiKey), options);
    }
}
