namespace PrecisionCloud.Resources;

/// <summary>A named resource does not exist.</summary>
public sealed class ResourceNotFoundException : ResourceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="kind">The kind of resource.</param>
    /// <param name="name">Its name (for tenant-scoped kinds, <c>tenant/name</c>).</param>
    public ResourceNotFoundException(ResourceKind kind, string name)
        : base($"{kind} '{name}' not found")
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>The kind of resource.</summary>
    public ResourceKind Kind { get; }

    /// <summary>Its name.</summary>
    public string Name { get; }
}
