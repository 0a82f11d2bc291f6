namespace PrecisionCloud.Resources.Providers;

/// <summary>A node with what is free on it now.</summary>
/// <param name="Node">The node, with its capacity.</param>
/// <param name="Free">What is not yet placed on it.</param>
public sealed record NodeDescription(ProviderNode Node, NodeCapacity Free);
