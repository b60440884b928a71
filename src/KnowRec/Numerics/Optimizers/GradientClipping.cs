using KnowRec.Numerics.Autodiff;

namespace KnowRec.Numerics.Optimizers;

/// <summary>Rescales gradients before an optimiser step, so that one bad batch cannot throw the parameters far.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales every gradient by c = maxNorm / (‖g‖ + 10⁻⁶) when the global norm ‖g‖ = √(Σ over all parameters and
    /// elements of g²) exceeds <paramref name="maxNorm"/> (Pascanu, Mikolov, Bengio 2013, "On the difficulty of training
    /// recurrent neural networks", Algorithm 1), so the direction is kept and the length capped.
    /// </summary>
    /// <param name="parameters">Tensors whose gradients are clipped together; those without a gradient are skipped.</param>
    /// <param name="maxNorm">Largest allowed global norm, positive.</param>
    /// <returns>The global norm before clipping; when it is NaN or infinite nothing is scaled, so the caller can stop.</returns>
    /// <remarks>
    /// A row-sparse gradient (<see cref="Tensor.HasSparseGradient"/>) is read and scaled only on its touched rows (the
    /// others are zero), so the cost follows the batch, not the table. The sum runs in double, in parameter then element
    /// order, so the result does not depend on threads. The 10⁻⁶ is PyTorch's, and keeps the clipped norm just below the cap.
    /// </remarks>
    public static double ClipByGlobalNorm(IReadOnlyList<Tensor> parameters, double maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(maxNorm > 0) || double.IsInfinity(maxNorm))
        {
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "The largest norm must be positive and finite.");
        }

        double sum = 0;
        foreach (var parameter in parameters)
        {
            ArgumentNullException.ThrowIfNull(parameter, nameof(parameters));
            sum += Visit(parameter, 1f, scale: false);
        }

        double norm = Math.Sqrt(sum);
        if (double.IsFinite(norm) && norm > maxNorm)
        {
            float factor = (float)(maxNorm / (norm + 1e-6));
            foreach (var parameter in parameters)
            {
                Visit(parameter, factor, scale: true);
            }
        }

        return norm;
    }

    // Sums the squares of the gradient's live elements, or multiplies them by factor.
    private static double Visit(Tensor parameter, float factor, bool scale)
    {
        if (parameter.Grad is not { } grad)
        {
            return 0;
        }

        if (!parameter.HasSparseGradient)
        {
            return Apply(grad, factor, scale);
        }

        double sum = 0;
        int width = parameter.Columns;
        foreach (int row in parameter.TouchedRows)
        {
            sum += Apply(grad.AsSpan(row * width, width), factor, scale);
        }

        return sum;
    }

    private static double Apply(Span<float> values, float factor, bool scale)
    {
        if (scale)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(values, factor, values);
            return 0;
        }

        double sum = 0;
        foreach (float v in values)
        {
            sum += (double)v * v;
        }

        return sum;
    }
}
