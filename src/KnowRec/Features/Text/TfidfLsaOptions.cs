namespace KnowRec.Features.Text;

/// <summary>Options of <see cref="TfidfLsaEncoder"/>; every one except <see cref="Threads"/> is part of the fitted state.</summary>
public sealed record TfidfLsaOptions
{
    /// <summary>Length of the embeddings (default 128); a corpus of lower numerical rank gives fewer.</summary>
    public int Dimension { get; init; } = 128;

    /// <summary>Longest word n-gram (default 2: unigrams and bigrams); 0 leaves word features out.</summary>
    public int WordNGramMax { get; init; } = 2;

    /// <summary>Shortest within-word character n-gram (default 3).</summary>
    public int CharNGramMin { get; init; } = 3;

    /// <summary>Longest within-word character n-gram (default 5); 0 leaves character features out.</summary>
    public int CharNGramMax { get; init; } = 5;

    /// <summary>A feature must occur in at least this many documents (default 2: a term of one document cannot relate two).</summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>Most features kept, the most frequent first (default 131,072); bounds the V matrix at features × dimension floats.</summary>
    public int MaxFeatures { get; init; } = 131_072;

    /// <summary>Extra random directions p of the randomized SVD (default 10; Halko et al. 2011, §4.2).</summary>
    public int Oversampling { get; init; } = 10;

    /// <summary>Subspace iterations q of the randomized SVD (default 2; Halko et al. 2011, Algorithm 4.4).</summary>
    public int PowerIterations { get; init; } = 2;

    /// <summary>
    /// Whether to fold texts in as x·V_k·Σ_k⁻¹ (every latent direction weighted equally) instead of the default x·V_k,
    /// whose inner products are those of the rank-k approximation of the TF-IDF rows (Eckart–Young).
    /// </summary>
    public bool Whiten { get; init; }

    /// <summary>Seed of the Gaussian test matrix (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Most threads for fitting and encoding (default 0: all cores); results do not depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid property.</summary>
    public void Validate()
    {
        Check(Dimension >= 1, nameof(Dimension), "at least 1");
        Check(WordNGramMax is >= 0 and <= 8, nameof(WordNGramMax), "between 0 and 8");
        Check(CharNGramMax == 0 || CharNGramMin is >= 1 and <= 16, nameof(CharNGramMin), "between 1 and 16");
        Check(CharNGramMax == 0 || (CharNGramMax >= CharNGramMin && CharNGramMax <= 16), nameof(CharNGramMax), "0 or between CharNGramMin and 16");
        Check(WordNGramMax > 0 || CharNGramMax > 0, nameof(WordNGramMax), "positive when CharNGramMax is 0 (some features are needed)");
        Check(MinDocumentFrequency >= 1, nameof(MinDocumentFrequency), "at least 1");
        Check(MaxFeatures >= 1, nameof(MaxFeatures), "at least 1");
        Check(Oversampling >= 0, nameof(Oversampling), "not negative");
        Check(PowerIterations is >= 0 and <= 20, nameof(PowerIterations), "between 0 and 20");
        Check(Threads >= 0, nameof(Threads), "not negative");
    }

    private static void Check(bool ok, string property, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"{property} must be {rule}.", property);
        }
    }
}
