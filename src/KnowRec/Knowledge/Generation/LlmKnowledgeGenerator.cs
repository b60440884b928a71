using KnowRec.Data;
using KnowRec.Features.Text;
using Microsoft.Extensions.AI;

namespace KnowRec.Knowledge.Generation;

/// <summary>
/// Asks a chat model for item knowledge and user preferences (KAR, Xi et al. 2023, §3.1: factual knowledge and
/// preference reasoning prompts) and keeps only answers that pass <see cref="KnowledgeAnswers"/>.
/// </summary>
/// <remarks>
/// At most <see cref="LlmKnowledgeOptions.Concurrency"/> requests are in flight. A malformed answer is asked again with
/// the reason fed back, up to <see cref="LlmKnowledgeOptions.MaxAttempts"/> answers; a 429, 5xx, network error or
/// timeout is retried with exponential backoff up to <see cref="LlmKnowledgeOptions.MaxRetries"/> times. An item that
/// still fails is reported in <see cref="GenerationResult{T}.Failures"/>, not thrown; other errors (a wrong key, an
/// unknown model) end the run. Valid answers are cached by (model, prompt version, input hash), so reruns are free.
/// Thread-safe: each run keeps its own counters.
/// </remarks>
public sealed partial class LlmKnowledgeGenerator
{
    private readonly IChatClient _client;
    private readonly LlmKnowledgeOptions _options;
    private readonly KnowledgeCache? _cache;

    /// <summary>Creates a generator that asks <paramref name="client"/>.</summary>
    public LlmKnowledgeGenerator(IChatClient client, LlmKnowledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _client = client;
        _options = options;
        _cache = options.CacheDirectory is { } directory ? new KnowledgeCache(directory) : null;
    }

    /// <summary>What records say wrote them: <c>llm:MODEL</c>.</summary>
    public string Source => "llm:" + _options.Model;

    /// <summary>
    /// A chat client for any OpenAI-compatible endpoint, with the SDK's own retries off (the generator retries itself,
    /// counting each retry and honouring its timeout).
    /// </summary>
    public static IChatClient OpenAiChatClient(Uri? endpoint, string? apiKey, string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var connection = new OpenAiConnection(endpoint, OpenAiConnection.KeyOrEnvironment(apiKey)) { MaxRetries = 0 };
        return connection.CreateClient().GetChatClient(model).AsIChatClient();
    }

    /// <summary>Knowledge about each of <paramref name="items"/> (every item when null).</summary>
    public Task<GenerationResult<ItemKnowledgeRecord>> GenerateItemsAsync(Dataset data, IReadOnlyList<int>? items = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var jobs = (items ?? Enumerable.Range(0, data.Items.Count).ToList()).Select(item =>
        {
            string key = data.KeyOf(item);
            string title = data.TitleOf(item);
            return new Job<ItemKnowledgeRecord>(key, KnowledgePrompts.ItemSystem, KnowledgePrompts.ItemPrompt(data, item), (string answer, out string error) => KnowledgeAnswers.ParseItem(answer, key, title, Source, out error));
        }).ToList();
        return RunAsync(KnowledgePrompts.ItemVersion, jobs, progress, cancellationToken);
    }

    /// <summary>Preferences of each of <paramref name="users"/> (every user when null), from up to <see cref="LlmKnowledgeOptions.MaxHistory"/> history items.</summary>
    public Task<GenerationResult<UserPreferenceRecord>> GenerateUsersAsync(Dataset data, IReadOnlyList<int>? users = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var jobs = (users ?? Enumerable.Range(0, data.Users.Count).ToList()).Select(user =>
        {
            string id = data.Users[user];
            return new Job<UserPreferenceRecord>(id, KnowledgePrompts.UserSystem, KnowledgePrompts.UserPrompt(data, user, _options.MaxHistory), (string answer, out string error) => KnowledgeAnswers.ParseUser(answer, id, Source, out error));
        }).ToList();
        return RunAsync(KnowledgePrompts.UserVersion, jobs, progress, cancellationToken);
    }

    private delegate T? Parser<T>(string answer, out string error);

    private sealed record Job<T>(string Key, string System, string User, Parser<T> Parse);

    private async Task<GenerationResult<T>> RunAsync<T>(string version, List<Job<T>> jobs, IProgress<int>? progress, CancellationToken cancellationToken)
        where T : class
    {
        var counters = new GenerationCounters();
        var records = new T?[jobs.Count];
        var reasons = new string?[jobs.Count];
        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, jobs.Count), parallel, async (index, token) =>
        {
            (records[index], reasons[index]) = await OneAsync(version, jobs[index], counters, token).ConfigureAwait(false);
            progress?.Report(Interlocked.Increment(ref done));
        }).ConfigureAwait(false);

        var failures = jobs.Select((job, i) => (job.Key, Reason: reasons[i])).Where(f => f.Reason is not null).Select(f => (f.Key, f.Reason!)).ToList();
        return new GenerationResult<T>([.. records.OfType<T>()], failures, counters.Summary(jobs.Count, _options));
    }

    // One item or user: the cache, else up to MaxAttempts answers with the schema error fed back after each bad one.
    private async Task<(T? Record, string? Failure)> OneAsync<T>(string version, Job<T> job, GenerationCounters counters, CancellationToken cancellationToken)
        where T : class
    {
        string hash = KnowledgeCache.InputHash(job.System, job.User);
        if (_cache is not null)
        {
            var lookup = _cache.TryRead(_options.Model, version, hash, out string cached);
            if (lookup == KnowledgeCache.Lookup.Hit && job.Parse(cached, out _) is { } hit)
            {
                counters.CacheHit();
                return (hit, null);
            }

            if (lookup != KnowledgeCache.Lookup.Miss)
            {
                counters.Corrupt();
            }
        }

        var messages = new List<ChatMessage> { new(ChatRole.System, job.System), new(ChatRole.User, job.User) };
        string reason = "";
        for (int attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            var (answer, failure, input, output) = await AskAsync(messages, counters, cancellationToken).ConfigureAwait(false);
            if (answer is null)
            {
                counters.Failed();
                return (null, failure);
            }

            if (job.Parse(answer, out string error) is { } record)
            {
                _cache?.Write(_options.Model, version, hash, answer, input, output);
                counters.Generated();
                return (record, null);
            }

            counters.Malformed();
            reason = $"malformed answer after {attempt} attempts: {error}";
            messages.Add(new ChatMessage(ChatRole.Assistant, answer));
            messages.Add(new ChatMessage(ChatRole.User, $"That answer cannot be used: {error} Answer again with only the JSON object in the form asked for."));
        }

        counters.Failed();
        return (null, reason);
    }
}
