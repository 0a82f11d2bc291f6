namespace PrecisionCloud.Resources.Compute;

/// <summary>What an image holds.</summary>
public enum ImageFormat
{
    /// <summary>An OCI image (layers of a root file system plus a configuration).</summary>
    Oci,

    /// <summary>A bootable disk image (qcow2, raw) with its own kernel.</summary>
    Disk,
}
