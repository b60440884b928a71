namespace KnowRec.Numerics;

/// <summary>Writes A·x into <paramref name="result"/> for a linear operator A that is never formed explicitly.</summary>
/// <typeparam name="T">Element type.</typeparam>
/// <param name="x">The vector to multiply.</param>
/// <param name="result">Destination, as long as <paramref name="x"/>; fully overwritten.</param>
public delegate void MatrixVectorProduct<T>(ReadOnlySpan<T> x, Span<T> result);
