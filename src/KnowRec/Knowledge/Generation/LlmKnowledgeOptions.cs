namespace KnowRec.Knowledge.Generation;

/// <summary>How <see cref="LlmKnowledgeGenerator"/> talks to a model and accounts for it.</summary>
public sealed record LlmKnowledgeOptions
{
    /// <summary>Model name: sent with each request and part of every cache key. Required.</summary>
    public string Model { get; init; } = "";

    /// <summary>Most requests in flight at once (default 4).</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Most time one request may take before it counts as timed out and is retried (default 60 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Answers asked for per item or user when they fail the schema check, the reason fed back each time (default 3).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Retries of one request after a 429, a 5xx, a network error or a timeout (default 4).</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>Wait before the first retry; doubled for each further one (default 1 s).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Price of 1,000 input (prompt) tokens in the account's currency (default 0: free, e.g. a local model).</summary>
    public decimal InputPricePer1kTokens { get; init; }

    /// <summary>Price of 1,000 output (completion) tokens (default 0).</summary>
    public decimal OutputPricePer1kTokens { get; init; }

    /// <summary>Sampling temperature (default 0, the most reproducible).</summary>
    public float Temperature { get; init; }

    /// <summary>Most history items shown in a user prompt (default 50).</summary>
    public int MaxHistory { get; init; } = 50;

    /// <summary>Folder of cached answers (one JSON file per (model, prompt version, input hash)); null: no cache.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid property.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Model))
        {
            throw new ArgumentException("Model must name the model, e.g. gpt-4o-mini or llama3.1.", nameof(Model));
        }

        Check(Concurrency >= 1, nameof(Concurrency), Concurrency, "at least 1");
        Check(Timeout > TimeSpan.Zero, nameof(Timeout), Timeout, "positive");
        Check(MaxAttempts >= 1, nameof(MaxAttempts), MaxAttempts, "at least 1");
        Check(MaxRetries >= 0, nameof(MaxRetries), MaxRetries, "0 or more");
        Check(InitialBackoff >= TimeSpan.Zero, nameof(InitialBackoff), InitialBackoff, "0 or more");
        Check(InputPricePer1kTokens >= 0, nameof(InputPricePer1kTokens), InputPricePer1kTokens, "0 or more");
        Check(OutputPricePer1kTokens >= 0, nameof(OutputPricePer1kTokens), OutputPricePer1kTokens, "0 or more");
        Check(Temperature is >= 0 and <= 2, nameof(Temperature), Temperature, "between 0 and 2");
        Check(MaxHistory >= 1, nameof(MaxHistory), MaxHistory, "at least 1");
    }

    private static void Check(bool ok, string name, object value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"{name} must be {rule}, not {value}.", name);
        }
    }
}
