namespace KnowRec.Numerics.Autodiff;

/// <summary>Reverse-mode automatic differentiation: records each operation's backward step and replays them in reverse.</summary>
/// <remarks>
/// Operations in <see cref="Ops"/> record a closure here only when an input requires a gradient. Because closures run
/// in reverse recording order, every tensor's gradient is complete before the closure that consumes it runs.
/// Use one tape per forward pass: build the loss, call <see cref="Backward(Tensor)"/> once, then <see cref="Clear"/>.
/// Not thread-safe: keep one tape per training thread.
/// </remarks>
public sealed class Tape
{
    private readonly List<Action> _backward = [];

    /// <summary>The number of recorded backward steps.</summary>
    public int Count => _backward.Count;

    /// <summary>Adds the gradient of <paramref name="scalarLoss"/> to the <see cref="Tensor.Grad"/> of every tensor it depends on.</summary>
    /// <param name="scalarLoss">A one-element tensor produced by operations recorded on this tape.</param>
    /// <exception cref="ArgumentException">The loss has more than one element or does not require a gradient.</exception>
    public void Backward(Tensor scalarLoss)
    {
        ArgumentNullException.ThrowIfNull(scalarLoss);
        if (scalarLoss.Length != 1)
        {
            throw new ArgumentException($"The loss must be a scalar, not shape {scalarLoss.ShapeText}.", nameof(scalarLoss));
        }

        if (!scalarLoss.RequiresGrad)
        {
            throw new ArgumentException("The loss does not depend on any tensor that requires a gradient.", nameof(scalarLoss));
        }

        // d loss / d loss = 1 seeds the chain rule.
        scalarLoss.EnsureGrad()[0] = 1f;
        for (int i = _backward.Count - 1; i >= 0; i--)
        {
            _backward[i]();
        }
    }

    /// <summary>Forgets every recorded step, releasing the intermediate tensors they hold.</summary>
    public void Clear() => _backward.Clear();

    /// <summary>Records the backward step of an operation whose output requires a gradient.</summary>
    internal void Record(Action backward) => _backward.Add(backward);
}
