namespace KnowRec.Numerics;

/// <summary>How a <see cref="ConjugateGradient"/> solve ended.</summary>
/// <param name="Iterations">Matrix-vector products spent after the initial residual.</param>
/// <param name="RelativeResidual">‖b − A·x‖ / ‖b‖ of the returned x (as tracked by the recurrence).</param>
/// <param name="Converged">True when the residual fell below the tolerance.</param>
public readonly record struct ConjugateGradientResult(int Iterations, double RelativeResidual, bool Converged);
