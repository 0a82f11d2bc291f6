namespace PrecisionCloud.Resources.Placement;

/// <summary>A node placement rejected, and why.</summary>
/// <param name="Provider">The node's provider.</param>
/// <param name="Node">The node.</param>
/// <param name="Reason">The first hard constraint it failed.</param>
/// <param name="Detail">The constraint in words, with the values compared.</param>
public sealed record PlacementRejection(string Provider, string Node, RejectionReason Reason, string Detail);
