namespace KnowRec.Knowledge.Generation;

/// <summary>What one generation run did and cost.</summary>
/// <param name="Requested">Items or users asked for.</param>
/// <param name="CacheHits">Answered from the cache, without a request.</param>
/// <param name="Generated">Answered by the model in this run.</param>
/// <param name="Failed">Given up on (every attempt malformed, or retries exhausted).</param>
/// <param name="CorruptCacheEntries">Cache files that could not be read or did not match their key; ignored and regenerated.</param>
/// <param name="Requests">HTTP requests made, retries included.</param>
/// <param name="MalformedAnswers">Answers that failed the schema check.</param>
/// <param name="Retries">Requests repeated after a 429, a 5xx, a network error or a timeout.</param>
/// <param name="Timeouts">Requests that ran past the per-call timeout.</param>
/// <param name="InputTokens">Prompt tokens the server reported, over all requests.</param>
/// <param name="OutputTokens">Completion tokens the server reported.</param>
/// <param name="Cost">Input and output tokens priced by the options' per-1k prices.</param>
public sealed record GenerationSummary(
    int Requested,
    int CacheHits,
    int Generated,
    int Failed,
    int CorruptCacheEntries,
    int Requests,
    int MalformedAnswers,
    int Retries,
    int Timeouts,
    long InputTokens,
    long OutputTokens,
    decimal Cost);
