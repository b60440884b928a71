namespace KnowRec.Models.Graph;

/// <summary>How <see cref="LightGcnModel"/> picks the (user, positive item) of each training triple; an epoch draws as many triples as there are training pairs either way.</summary>
public enum LightGcnSampling
{
    /// <summary>Every training pair once per epoch, in a seeded random order: active users weigh in proportion to their history.</summary>
    Pairs,

    /// <summary>A user drawn uniformly among users with a history, then one of their items uniformly, as the paper's code samples: every user weighs the same.</summary>
    Users,
}
