namespace KnowRec.Knowledge.Generation;

/// <summary>Thread-safe tallies behind a <see cref="GenerationSummary"/>.</summary>
internal sealed class GenerationCounters
{
    private int _cacheHits;
    private int _generated;
    private int _failed;
    private int _corrupt;
    private int _requests;
    private int _malformed;
    private int _retries;
    private int _timeouts;
    private long _inputTokens;
    private long _outputTokens;

    public void CacheHit() => Interlocked.Increment(ref _cacheHits);

    public void Generated() => Interlocked.Increment(ref _generated);

    public void Failed() => Interlocked.Increment(ref _failed);

    public void Corrupt() => Interlocked.Increment(ref _corrupt);

    public void Request() => Interlocked.Increment(ref _requests);

    public void Malformed() => Interlocked.Increment(ref _malformed);

    public void Retry() => Interlocked.Increment(ref _retries);

    public void Timeout() => Interlocked.Increment(ref _timeouts);

    public void Tokens(long input, long output)
    {
        Interlocked.Add(ref _inputTokens, input);
        Interlocked.Add(ref _outputTokens, output);
    }

    public GenerationSummary Summary(int requested, LlmKnowledgeOptions options) => new(
        requested,
        _cacheHits,
        _generated,
        _failed,
        _corrupt,
        _requests,
        _malformed,
        _retries,
        _timeouts,
        _inputTokens,
        _outputTokens,
        (_inputTokens * options.InputPricePer1kTokens + _outputTokens * options.OutputPricePer1kTokens) / 1000m);
}
