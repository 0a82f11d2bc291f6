using PrecisionCloud.Resources.Placement;

namespace PrecisionCloud.Resources;

/// <summary>No candidate can take a workload; the decision says why each was rejected.</summary>
public sealed class PlacementFailedException : ResourceException
{
    /// <summary>Creates the error.</summary>
    /// <param name="decision">The decision without a target.</param>
    public PlacementFailedException(PlacementDecision decision)
        : base($"no placement for workload '{decision.Workload}': {decision.Summary}")
    {
        Decision = decision;
    }

    /// <summary>The decision, with every rejected candidate and its reason.</summary>
    public PlacementDecision Decision { get; }
}
