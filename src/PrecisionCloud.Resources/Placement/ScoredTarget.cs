namespace PrecisionCloud.Resources.Placement;

/// <summary>An eligible target and its score (higher is better).</summary>
/// <param name="Target">The target.</param>
/// <param name="Score">Its score: packing (0 to 100) less penalties for wasting scarce nodes.</param>
public sealed record ScoredTarget(PlacementTarget Target, double Score);
