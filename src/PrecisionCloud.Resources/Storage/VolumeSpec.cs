namespace PrecisionCloud.Resources.Storage;

/// <summary>The desired state of a volume.</summary>
public sealed record VolumeSpec
{
    /// <summary>The owning tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>The volume's name, unique in its tenant.</summary>
    public required string Name { get; init; }

    /// <summary>What it is.</summary>
    public VolumeKind Kind { get; set; } = VolumeKind.File;

    /// <summary>Its size in GiB (at least 1).</summary>
    public long SizeGiB { get; set; } = 1;

    /// <summary>The storage class (a backend's volume type), or <see langword="null"/> for the default.</summary>
    public string? Class { get; init; }

    /// <summary>How it may be attached.</summary>
    public VolumeAccessMode AccessMode { get; set; } = VolumeAccessMode.ReadWriteOnce;

    /// <summary>The provider that must hold it, or <see langword="null"/> for the first one that supports its kind.</summary>
    public string? Provider { get; init; }
}
