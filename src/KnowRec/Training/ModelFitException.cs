namespace KnowRec.Training;

/// <summary>A fit failed for a reason in the data or options, e.g. the loss diverged to NaN.</summary>
public sealed class ModelFitException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelFitException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ModelFitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ModelFitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
