using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace KnowRec.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port) that speaks the OpenAI REST API: <c>POST /v1/embeddings</c> and
/// non-streaming <c>POST /v1/chat/completions</c>, with usage tokens in every answer.
/// </summary>
/// <remarks>
/// Scriptable: embeddings are deterministic (seeded by the SHA-256 of each text), chat answers come from
/// <see cref="ChatResponder"/> unless a scripted <see cref="Reply"/> is queued (a status such as 429 or 500, malformed
/// content, a delay). Every request is logged with its Authorization header and body; the most requests in flight at
/// once is kept, so tests can check a client's concurrency limit.
/// </remarks>
public sealed class LoopbackOpenAiServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<Reply> _chatScript = new();
    private readonly ConcurrentQueue<Reply> _embeddingScript = new();
    private readonly ConcurrentQueue<LoggedRequest> _log = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>Starts listening at once.</summary>
    public LoopbackOpenAiServer()
    {
        for (int attempt = 0; ; attempt++)
        {
            int port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                _listener = listener;
                Endpoint = new Uri($"http://127.0.0.1:{port}/v1/");
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                // Another process took the port between probing and binding: try another.
                listener.Close();
            }
        }

        _loop = Task.Run(AcceptLoop);
    }

    /// <summary>A scripted answer: HTTP status, chat content (or embedding override), delay before answering, token counts.</summary>
    public sealed record Reply(int Status = 200, string? Content = null, TimeSpan Delay = default, int? PromptTokens = null, int? CompletionTokens = null);

    /// <summary>One request as the server saw it.</summary>
    public sealed record LoggedRequest(string Path, string? Authorization, string Body)
    {
        /// <summary>The body as JSON.</summary>
        public JsonNode Json => JsonNode.Parse(Body)!;

        /// <summary>The contents of the chat messages, one per line (empty for embeddings).</summary>
        public string MessagesText => Json["messages"] is JsonArray messages ? string.Join("\n", messages.Select(m => ContentOf(m!))) : "";
    }

    /// <summary>The OpenAI base address to give a client, e.g. <c>http://127.0.0.1:PORT/v1/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Length of the embeddings answered.</summary>
    public int EmbeddingDimension { get; set; } = 8;

    /// <summary>Answers a chat request (its last user message) when no scripted reply is queued; default "{}".</summary>
    public Func<string, string> ChatResponder { get; set; } = _ => "{}";

    /// <summary>Delay added before every chat answer (scripted replies add their own).</summary>
    public TimeSpan ChatDelay { get; set; }

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<LoggedRequest> Requests => [.. _log];

    /// <summary>The most requests the server was answering at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Queues scripted chat replies, used in order before <see cref="ChatResponder"/>.</summary>
    public void EnqueueChat(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _chatScript.Enqueue(reply);
        }
    }

    /// <summary>Queues scripted embedding replies (a status or a delay), used in order before the normal answer.</summary>
    public void EnqueueEmbedding(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _embeddingScript.Enqueue(reply);
        }
    }

    /// <summary>The embedding the server answers for <paramref name="text"/>: unit length, seeded by its SHA-256.</summary>
    public static float[] EmbeddingOf(string text, int dimension)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var random = new Random(BitConverter.ToInt32(hash, 0));
        var vector = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++)
        {
            vector[i] = (float)(random.NextDouble() * 2 - 1);
            norm += vector[i] * (double)vector[i];
        }

        for (int i = 0; i < dimension; i++)
        {
            vector[i] = (float)(vector[i] / Math.Sqrt(norm));
        }

        return vector;
    }

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener; nothing to report.
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Handle(context));
        }
    }

    private async Task Handle(HttpListenerContext context)
    {
        int now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync().ConfigureAwait(false);
            }

            string path = context.Request.Url!.AbsolutePath;
            _log.Enqueue(new LoggedRequest(path, context.Request.Headers["Authorization"], body));
            var (status, answer) = path switch
            {
                "/v1/embeddings" => await Embeddings(JsonNode.Parse(body)!).ConfigureAwait(false),
                "/v1/chat/completions" => await Chat(JsonNode.Parse(body)!).ConfigureAwait(false),
                _ => (404, Error("not found")),
            };
            await Write(context.Response, status, answer).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            // The client gave up (e.g. its timeout fired) while the server was still answering.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<(int, string)> Embeddings(JsonNode request)
    {
        if (_embeddingScript.TryDequeue(out var reply))
        {
            await Task.Delay(reply.Delay, _stop.Token).ConfigureAwait(false);
            if (reply.Status != 200)
            {
                return (reply.Status, Error($"scripted {reply.Status}"));
            }
        }

        var inputs = request["input"] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [request["input"]!.GetValue<string>()];
        bool base64 = request["encoding_format"]?.GetValue<string>() == "base64";
        int dimension = request["dimensions"]?.GetValue<int>() ?? EmbeddingDimension;
        var data = new JsonArray();
        for (int i = 0; i < inputs.Count; i++)
        {
            float[] vector = EmbeddingOf(inputs[i], dimension);
            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray()))
                : new JsonArray([.. vector.Select(v => (JsonNode?)JsonValue.Create(v))]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        int tokens = inputs.Sum(Tokens);
        var answer = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = request["model"]?.GetValue<string>() ?? "loopback",
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
        return (200, answer.ToJsonString());
    }

    private async Task<(int, string)> Chat(JsonNode request)
    {
        var messages = request["messages"]!.AsArray();
        string prompt = messages.Select(m => ContentOf(m!)).Aggregate("", (all, m) => all + "\n" + m);
        string lastUser = messages.Where(m => m!["role"]!.GetValue<string>() == "user").Select(m => ContentOf(m!)).LastOrDefault() ?? "";
        await Task.Delay(ChatDelay, _stop.Token).ConfigureAwait(false);
        _chatScript.TryDequeue(out var reply);
        if (reply is not null)
        {
            await Task.Delay(reply.Delay, _stop.Token).ConfigureAwait(false);
            if (reply.Status != 200)
            {
                return (reply.Status, Error($"scripted {reply.Status}"));
            }
        }

        string content = reply?.Content ?? ChatResponder(lastUser);
        int promptTokens = reply?.PromptTokens ?? Tokens(prompt);
        int completionTokens = reply?.CompletionTokens ?? Tokens(content);
        var answer = new JsonObject
        {
            ["id"] = "chatcmpl-loopback",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = request["model"]?.GetValue<string>() ?? "loopback",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens },
        };
        return (200, answer.ToJsonString());
    }

    // Content is a string, or (newer clients) a list of {type: text, text} parts.
    internal static string ContentOf(JsonNode message) => message["content"] switch
    {
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        JsonNode node => node.GetValue<string>(),
        null => "",
    };

    // Whitespace-separated words: a stand-in tokenizer that makes usage figures predictable.
    private static int Tokens(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Error(string message) =>
        new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "loopback_error" } }.ToJsonString();

    private static async Task Write(HttpListenerResponse response, int status, string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
    }
}
