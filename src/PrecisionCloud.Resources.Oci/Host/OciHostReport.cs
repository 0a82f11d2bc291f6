using PrecisionCloud.Resources.Providers;

namespace PrecisionCloud.Resources.Oci.Host;

/// <summary>What the host offers the provider, as probed.</summary>
internal sealed record OciHostReport
{
    public string? RuntimePath { get; init; }

    public string RuntimeVersion { get; init; } = string.Empty;

    public CgroupMode CgroupMode { get; init; }

    public IReadOnlySet<string> Controllers { get; init; } = new HashSet<string>();

    public bool Overlay { get; init; }

    public string? IpPath { get; init; }

    public string? NftPath { get; init; }

    public string? MountPath { get; init; }

    public required ProviderCapabilities Capabilities { get; init; }
}
