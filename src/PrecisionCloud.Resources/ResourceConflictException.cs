namespace PrecisionCloud.Resources;

/// <summary>A request conflicts with the current state (a resource in use, a stale generation, a duplicate address).</summary>
public sealed class ResourceConflictException : ResourceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What conflicts.</param>
    public ResourceConflictException(string message)
        : base(message)
    {
    }
}
