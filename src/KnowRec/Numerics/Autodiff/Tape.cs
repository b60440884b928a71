namespace KnowRec.Numerics.Autodiff;

/// <summary>Reverse-mode automatic differentiation: records each operation's backward step and replays them in reverse.</summary>
/// <remarks>
/// Operations in <see cref="Ops"/> record a closure here only when an input requires a gradient. Because closures run
/// in reverse recording order, every tensor's gradient is complete before the closure that consumes it runs.
/// <see cref="Backward(Tensor)"/> consumes the recorded steps, because intermediate gradients are not reset and a second
/// replay would add them twice; the next step records afresh. <see cref="Clear"/> drops a forward pass that will not be
/// differentiated. Not thread-safe: keep one tape per training thread.
/// </remarks>
public sealed class Tape
{
    private readonly List<Action> _backward = [];

    /// <summary>
    /// Most threads each operation on this tape may use (default 1). Operations split their work into fixed pieces that
    /// do not depend on the thread count and combine partial sums in a fixed order, so results are the same for any value.
    /// </summary>
    public int Threads
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    }

    = 1;

    /// <summary>The number of recorded backward steps.</summary>
    public int Count => _backward.Count;

    /// <summary>Adds the gradient of <paramref name="scalarLoss"/> to the <see cref="Tensor.Grad"/> of every tensor it depends on, then forgets the recorded steps.</summary>
    /// <param name="scalarLoss">A one-element tensor produced by operations recorded on this tape.</param>
    /// <exception cref="ArgumentException">The loss has more than one element or does not require a gradient.</exception>
    /// <exception cref="InvalidOperationException">Nothing is recorded: the loss was already differentiated, or built on another tape.</exception>
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

        if (_backward.Count == 0)
        {
            throw new InvalidOperationException("The tape holds no steps: the loss was already differentiated, or built on another tape.");
        }

        // d loss / d loss = 1 seeds the chain rule.
        scalarLoss.EnsureGrad()[0] = 1f;
        for (int i = _backward.Count - 1; i >= 0; i--)
        {
            _backward[i]();
        }

        _backward.Clear();
    }

    /// <summary>Forgets every recorded step, releasing the intermediate tensors they hold.</summary>
    public void Clear() => _backward.Clear();

    /// <summary>Records the backward step of an operation whose output requires a gradient.</summary>
    internal void Record(Action backward) => _backward.Add(backward);
}
