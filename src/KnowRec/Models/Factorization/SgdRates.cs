namespace KnowRec.Models.Factorization;

/// <summary>Step sizes γ and L2 weights λ of one SGD step, as floats for the inner loop.</summary>
/// <param name="Rate">γ for user and item factors.</param>
/// <param name="Weight">λ for user and item factors.</param>
/// <param name="BiasRate">γ for the biases.</param>
/// <param name="BiasWeight">λ for the biases.</param>
/// <param name="ImplicitRate">γ for the SVD++ implicit factors y_j (unused by SVD).</param>
/// <param name="ImplicitWeight">λ for the SVD++ implicit factors y_j (unused by SVD).</param>
internal readonly record struct SgdRates(float Rate, float Weight, float BiasRate, float BiasWeight, float ImplicitRate = 0f, float ImplicitWeight = 0f);
