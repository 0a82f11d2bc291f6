namespace PrecisionCloud.Resources.Storage;

/// <summary>What a volume is.</summary>
public enum VolumeKind
{
    /// <summary>A block device.</summary>
    Block,

    /// <summary>A file system (a directory shared by path).</summary>
    File,

    /// <summary>An object store bucket.</summary>
    ObjectStorage,
}
