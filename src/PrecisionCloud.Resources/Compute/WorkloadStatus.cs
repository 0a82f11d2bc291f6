using PrecisionCloud.Resources.Placement;

namespace PrecisionCloud.Resources.Compute;

/// <summary>What is true of a workload now.</summary>
public sealed record WorkloadStatus
{
    /// <summary>Where it is in its life.</summary>
    public WorkloadPhase Phase { get; init; } = WorkloadPhase.Pending;

    /// <summary>The kind it runs as (the chosen one when the spec said Auto).</summary>
    public WorkloadKind Kind { get; init; }

    /// <summary>The provider running it.</summary>
    public string? Provider { get; init; }

    /// <summary>Its id at the provider.</summary>
    public string? BackendId { get; init; }

    /// <summary>The node it runs on.</summary>
    public string? Node { get; init; }

    /// <summary>Its addresses, by network name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Addresses { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Replicas running as specified.</summary>
    public int ReadyReplicas { get; init; }

    /// <summary>The last exit code, when a replica exited.</summary>
    public int? ExitCode { get; init; }

    /// <summary>How many times it was restarted after exiting.</summary>
    public int Restarts { get; init; }

    /// <summary>The generation of the spec last applied to the backend.</summary>
    public long ObservedGeneration { get; init; }

    /// <summary>The hash last applied to the backend (<see cref="Workload.DesiredHash"/> once in sync).</summary>
    public string? AppliedHash { get; init; }

    /// <summary>The placement decision, with the runners-up and the rejected candidates.</summary>
    public PlacementDecision? Placement { get; init; }

    /// <summary>Its conditions.</summary>
    public IReadOnlyList<WorkloadCondition> Conditions { get; init; } = [];

    /// <summary>Its history, newest last (bounded).</summary>
    public IReadOnlyList<ResourceEvent> Events { get; init; } = [];
}
