namespace PrecisionCloud.Security.Sealing;

/// <summary>
/// Sealed data that cannot be opened (altered, truncated, sealed for another purpose, or under a key this ring does
/// not hold), or a key ring that does not belong to the root key given. Messages never contain key material.
/// </summary>
public sealed class SealingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SealingException()
        : this("sealed data or key ring cannot be opened")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What cannot be opened, and why.</param>
    public SealingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What cannot be opened, and why.</param>
    /// <param name="innerException">The cause.</param>
    public SealingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
