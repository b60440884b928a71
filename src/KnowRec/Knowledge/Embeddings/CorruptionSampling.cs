namespace KnowRec.Knowledge.Embeddings;

/// <summary>How a true triple is corrupted into a negative one.</summary>
public enum CorruptionSampling
{
    /// <summary>Replace the head or the tail, each with probability ½ (Bordes et al. 2013).</summary>
    Uniform,

    /// <summary>
    /// Replace the head with probability tph / (tph + hpt) of the triple's relation, where tph is the mean number of
    /// tails per head and hpt of heads per tail (Wang et al. 2014, TransH §3.2), so one-to-many relations corrupt the
    /// "one" side and fewer negatives are in fact true.
    /// </summary>
    Bernoulli,
}
