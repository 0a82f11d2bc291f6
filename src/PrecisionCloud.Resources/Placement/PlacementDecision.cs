using PrecisionCloud.Resources.Compute;

namespace PrecisionCloud.Resources.Placement;

/// <summary>
/// Why a workload runs where it runs: the kind and why, the chosen target, the runners-up, and every rejected node
/// with its reason.
/// </summary>
public sealed record PlacementDecision
{
    /// <summary>The workload (<c>tenant/name</c>).</summary>
    public required string Workload { get; init; }

    /// <summary>The kind chosen (the requested one unless it was Auto).</summary>
    public WorkloadKind Kind { get; init; }

    /// <summary>Why this kind.</summary>
    public string KindReason { get; init; } = string.Empty;

    /// <summary>The chosen target, or <see langword="null"/> when nothing fits.</summary>
    public ScoredTarget? Chosen { get; init; }

    /// <summary>The next best eligible targets, best first (at most three).</summary>
    public IReadOnlyList<ScoredTarget> RunnersUp { get; init; } = [];

    /// <summary>Every node rejected for the chosen kind, with the reason.</summary>
    public IReadOnlyList<PlacementRejection> Rejections { get; init; } = [];

    /// <summary>How many nodes were considered.</summary>
    public int Considered { get; init; }

    /// <summary>The decision in one line: the target and the rejections counted by reason.</summary>
    public string Summary { get; init; } = string.Empty;
}
