namespace PrecisionCloud.Resources.Compute;

/// <summary>What happens when a workload's process exits.</summary>
public enum RestartPolicy
{
    /// <summary>Restart whatever the exit code (with backoff).</summary>
    Always,

    /// <summary>Restart only after a non-zero exit code (with backoff).</summary>
    OnFailure,

    /// <summary>Never restart; the exit code stays in the status.</summary>
    Never,
}
