namespace PrecisionCloud.Resources;

/// <summary>What happened to a resource.</summary>
public enum ResourceChangeType
{
    /// <summary>It was created.</summary>
    Added,

    /// <summary>Its spec or status changed.</summary>
    Modified,

    /// <summary>It is gone.</summary>
    Deleted,
}
