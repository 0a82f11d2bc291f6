namespace PrecisionCloud.Resources;

/// <summary>The base of the typed errors of the unified resource API.</summary>
public abstract class ResourceException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What went wrong, naming the resource and the value at fault.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected ResourceException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
