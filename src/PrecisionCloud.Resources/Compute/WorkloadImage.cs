namespace PrecisionCloud.Resources.Compute;

/// <summary>The image a workload runs.</summary>
/// <param name="Reference">
/// The image reference as the backend knows it: an OCI reference (<c>registry/name:tag</c>, or <c>name:tag</c> in a
/// provider's image store) or a disk image name or id.
/// </param>
/// <param name="Format">What the image holds.</param>
public sealed record WorkloadImage(string Reference, ImageFormat Format = ImageFormat.Oci);
