using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hardware.Fit;

/// <summary>How one node meets a demand.</summary>
public sealed record NodeFit
{
    /// <summary>The node.</summary>
    public required NodeInventory Node { get; init; }

    /// <summary>Whether every field of the demand is met.</summary>
    public bool Fits => Failures.Count == 0;

    /// <summary>The score of a fitting node (higher is better); 0 for a node that does not fit.</summary>
    public double Score { get; init; }

    /// <summary>What makes up the score.</summary>
    public IReadOnlyList<ScoreReason> ScoreReasons { get; init; } = [];

    /// <summary>One reason for every demand field the node fails; empty when it fits.</summary>
    public IReadOnlyList<FitReason> Failures { get; init; } = [];

    /// <summary>The NUMA node that holds the whole demand, when locality was asked for and one does.</summary>
    public int? NumaNode { get; init; }
}
