using PrecisionCloud.Resources.Compute;

namespace PrecisionCloud.Resources.Oci;

/// <summary>Options of the OCI container provider, bound from <c>PrecisionCloud:Resources:Oci</c>.</summary>
public sealed class OciProviderOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "PrecisionCloud:Resources:Oci";

    /// <summary>The provider's name in the site.</summary>
    public string Name { get; set; } = "oci";

    /// <summary>
    /// The OCI runtime: <c>runc</c>, <c>crun</c>, an absolute path to either, or empty to take the first of runc and crun
    /// found on PATH that works on this host.
    /// </summary>
    public string? Runtime { get; set; }

    /// <summary>Where the provider keeps bundles, unpacked images, volumes and logs (a relative path is taken from the working directory).</summary>
    public string RootDirectory { get; set; } = "/var/lib/precisioncloud/oci";

    /// <summary>
    /// Where OCI image layouts are found, one directory per image name (as <c>skopeo copy docker://busybox
    /// oci:IMAGES/busybox:latest</c> writes them); defaults to <c>images</c> under <see cref="RootDirectory"/>.
    /// </summary>
    public string? ImagesDirectory { get; set; }

    /// <summary>The runtime's state directory (its <c>--root</c>), kept apart from other users of the runtime.</summary>
    public string StateDirectory { get; set; } = "/run/precisioncloud/oci";

    /// <summary>The node's name; the host name when empty.</summary>
    public string? NodeName { get; set; }

    /// <summary>The site the node is at.</summary>
    public string Site { get; set; } = "default";

    /// <summary>The strictest latency class the node serves.</summary>
    public LatencyClass LatencyClass { get; set; } = LatencyClass.Edge;

    /// <summary>The node's labels.</summary>
    public Dictionary<string, string> Labels { get; } = new(StringComparer.Ordinal);

    /// <summary>vCPUs kept for the host and its own services, not offered to containers.</summary>
    public double ReservedVCpus { get; set; } = 0.5;

    /// <summary>Memory kept for the host, in MiB.</summary>
    public long ReservedMemoryMiB { get; set; } = 256;

    /// <summary>How long a container gets between SIGTERM and SIGKILL when stopped, 0 to 5 minutes.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest log kept per container replica, in bytes; older output is dropped at restart.</summary>
    public long MaxLogBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The pids limit set on every container (fork-bomb protection), 16 to 4,194,304.</summary>
    public long PidsLimit { get; set; } = 1024;

    /// <summary>The images directory in effect.</summary>
    public string EffectiveImagesDirectory => string.IsNullOrEmpty(ImagesDirectory) ? Path.Combine(RootDirectory, "images") : ImagesDirectory;
}
