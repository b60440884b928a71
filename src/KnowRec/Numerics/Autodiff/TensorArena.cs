namespace KnowRec.Numerics.Autodiff;

/// <summary>
/// Recycles the arrays of the tensors one training step creates, so that step after step reuses warm memory instead
/// of asking the runtime for fresh pages (which the kernel must fault in and zero: a quarter of a small Transformer's
/// step before this existed).
/// </summary>
/// <remarks>
/// Between <see cref="Begin"/> and the disposal of the scope it returns, every tensor created on the calling thread
/// (by <see cref="Tensor.Zeros"/>, <see cref="Tensor.FromArray"/> or an operation) takes its data from the arena, and so
/// does its gradient; tensors created before the scope, such as parameters, keep their own arrays. Disposing the scope
/// hands every array back for the next step, so no tensor created inside the scope may be used after it: read the loss
/// and copy out whatever must survive first. Arrays are matched by exact length and cleared when lent. Small arrays
/// are left to the garbage collector. One arena per training loop; not thread-safe, and scopes do not nest.
/// </remarks>
public sealed class TensorArena
{
    // Below this many elements an array lives in the garbage collector's cheap young generation anyway.
    private const int SmallestPooled = 4096;

    [ThreadStatic]
    private static TensorArena? _current;

    private readonly Dictionary<int, Stack<float[]>> _free = [];
    private readonly List<float[]> _lent = [];

    /// <summary>The arena whose scope is open on this thread, if any.</summary>
    internal static TensorArena? Current => _current;

    /// <summary>Opens a scope on this thread; dispose it when the step's tensors are no longer needed.</summary>
    /// <exception cref="InvalidOperationException">A scope is already open on this thread.</exception>
    public Scope Begin()
    {
        if (_current is not null)
        {
            throw new InvalidOperationException("A tensor arena scope is already open on this thread.");
        }

        _current = this;
        return new Scope(this);
    }

    /// <summary>A zeroed array from the open scope's arena when there is one, else a new array.</summary>
    internal static float[] Allocate(int length) => _current?.Rent(length) ?? new float[length];

    /// <summary>A zeroed array of exactly <paramref name="length"/> elements, recycled when possible.</summary>
    internal float[] Rent(int length)
    {
        if (length < SmallestPooled)
        {
            return new float[length];
        }

        float[] array;
        if (_free.TryGetValue(length, out var stack) && stack.Count > 0)
        {
            array = stack.Pop();
            Array.Clear(array);
        }
        else
        {
            array = new float[length];
        }

        _lent.Add(array);
        return array;
    }

    private void End()
    {
        _current = null;
        foreach (var array in _lent)
        {
            if (!_free.TryGetValue(array.Length, out var stack))
            {
                _free[array.Length] = stack = new Stack<float[]>();
            }

            stack.Push(array);
        }

        _lent.Clear();
    }

    /// <summary>An open arena scope; disposing it recycles every array lent since <see cref="Begin"/>.</summary>
    public sealed class Scope : IDisposable
    {
        private TensorArena? _arena;

        internal Scope(TensorArena arena) => _arena = arena;

        /// <summary>Closes the scope; a second call does nothing.</summary>
        public void Dispose()
        {
            _arena?.End();
            _arena = null;
        }
    }
}
