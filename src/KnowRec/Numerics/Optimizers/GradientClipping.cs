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
            foreach (var range in LiveRanges(parameter))
            {
                foreach (float v in parameter.Grad.AsSpan(range.Start, range.Length))
                {
                    sum += (double)v * v;
                }
            }
        }

        double norm = Math.Sqrt(sum);
        if (double.IsFinite(norm) && norm > maxNorm)
        {
            float factor = (float)(maxNorm / (norm + 1e-6));
            foreach (var parameter in parameters)
            {
                foreach (var range in LiveRanges(parameter))
                {
                    var values = parameter.Grad.AsSpan(range.Start, range.Length);
                    System.Numerics.Tensors.TensorPrimitives.Multiply(values, factor, values);
                }
            }
        }

        return norm;
    }

    // The parts of the gradient that may be non-zero: all of it, the touched rows of a row-sparse one, or none.
    private static List<(int Start, int Length)> LiveRanges(Tensor parameter)
    {
        if (parameter.Grad is null)
        {
            return [];
        }

        if (!parameter.HasSparseGradient)
        {
            return [(0, parameter.Length)];
        }

        int width = parameter.Columns;
        var ranges = new List<(int Start, int Length)>(parameter.TouchedRows.Length);
        foreach (int row in parameter.TouchedRows)
        {
            ranges.Add((row * width, width));
        }

        return ranges;
    }
}
