namespace PrecisionCloud.Resources.Compute;

/// <summary>Where a workload is in its life.</summary>
public enum WorkloadPhase
{
    /// <summary>Accepted and placed; not yet handed to its backend.</summary>
    Pending,

    /// <summary>Being created or updated on its backend.</summary>
    Provisioning,

    /// <summary>Running as specified.</summary>
    Running,

    /// <summary>Running, but not as specified (fewer replicas, a restart loop, drift being repaired).</summary>
    Degraded,

    /// <summary>Stopped for good (exited under <see cref="RestartPolicy.Never"/>, or the backend refused it).</summary>
    Failed,

    /// <summary>Completed: exited with code 0 under a policy that does not restart it.</summary>
    Succeeded,

    /// <summary>Being deleted.</summary>
    Deleting,
}
