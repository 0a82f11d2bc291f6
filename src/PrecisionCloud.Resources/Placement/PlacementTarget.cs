using PrecisionCloud.Resources.Compute;

namespace PrecisionCloud.Resources.Placement;

/// <summary>Where a workload runs: a provider's node, as a kind.</summary>
/// <param name="Provider">The provider's name.</param>
/// <param name="Node">The node's name.</param>
/// <param name="Kind">The kind.</param>
public sealed record PlacementTarget(string Provider, string Node, WorkloadKind Kind)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Provider}/{Node} ({Kind})";
}
