namespace PrecisionCloud.Resources.Providers;

/// <summary>The state of one replica of a workload at its provider.</summary>
public enum ReplicaState
{
    /// <summary>Being created or booting.</summary>
    Creating,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Exited (see the exit code).</summary>
    Exited,

    /// <summary>The provider cannot tell.</summary>
    Unknown,
}
