namespace PrecisionCloud.Resources.Oci.Host;

/// <summary>How the host mounts cgroups.</summary>
internal enum CgroupMode
{
    /// <summary>No cgroup file system found.</summary>
    None,

    /// <summary>Only v1 hierarchies.</summary>
    Legacy,

    /// <summary>v1 hierarchies with a cgroup2 mount beside them (<c>/sys/fs/cgroup/unified</c>).</summary>
    Hybrid,

    /// <summary>The unified cgroup2 hierarchy only.</summary>
    Unified,
}
