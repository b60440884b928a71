namespace KnowRec.Numerics;

/// <summary>How a dense kernel reads an operand: as stored or transposed (BLAS's <c>trans</c> argument).</summary>
public enum MatrixOp
{
    /// <summary>Use the matrix as stored, op(A) = A.</summary>
    None,

    /// <summary>Use the transpose, op(A) = Aᵀ.</summary>
    Transpose,
}
