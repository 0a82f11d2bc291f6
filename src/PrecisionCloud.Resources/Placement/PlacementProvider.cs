using PrecisionCloud.Resources.Providers;

namespace PrecisionCloud.Resources.Placement;

/// <summary>A provider as placement sees it: its name, capabilities and nodes.</summary>
/// <param name="Name">The provider's name.</param>
/// <param name="Capabilities">What it can do.</param>
/// <param name="Nodes">Its nodes.</param>
public sealed record PlacementProvider(string Name, ProviderCapabilities Capabilities, IReadOnlyList<ProviderNode> Nodes);
