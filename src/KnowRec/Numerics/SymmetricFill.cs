namespace KnowRec.Numerics;

/// <summary>Which part of a symmetric result a kernel writes.</summary>
public enum SymmetricFill
{
    /// <summary>Only the lower triangle and the diagonal; entries above the diagonal are left as they were.</summary>
    Lower,

    /// <summary>The whole matrix: the lower triangle is computed and mirrored above the diagonal.</summary>
    Full,
}
