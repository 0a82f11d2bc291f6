namespace PrecisionCloud.Resources;

/// <summary>
/// A watch cannot continue without losing changes: it asked to resume from a revision no longer kept, or it fell
/// too far behind. List the resources again and watch from the revision of the list.
/// </summary>
public sealed class ResourceWatchExpiredException : ResourceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What was lost.</param>
    public ResourceWatchExpiredException(string message)
        : base(message)
    {
    }
}
