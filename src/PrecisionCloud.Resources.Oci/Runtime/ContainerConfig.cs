namespace PrecisionCloud.Resources.Oci.Runtime;

/// <summary>What goes into one container's runtime bundle configuration.</summary>
internal sealed record ContainerConfig
{
    public required string Hostname { get; init; }

    public required IReadOnlyList<string> Args { get; init; }

    public IReadOnlyList<string> Environment { get; init; } = [];

    public string WorkingDirectory { get; init; } = "/";

    public uint Uid { get; init; }

    public uint Gid { get; init; }

    /// <summary>The network namespace to join (a path under /var/run/netns), or <see langword="null"/> for a new, empty one.</summary>
    public string? NetworkNamespace { get; init; }

    public long? MemoryLimitBytes { get; init; }

    public long? CpuQuotaMicroseconds { get; init; }

    public long CpuPeriodMicroseconds { get; init; } = 100_000;

    public long PidsLimit { get; init; } = 1024;

    public long? HugePages2MiBLimitBytes { get; init; }

    public IReadOnlyList<BindMount> Mounts { get; init; } = [];

    public required string CgroupsPath { get; init; }
}
