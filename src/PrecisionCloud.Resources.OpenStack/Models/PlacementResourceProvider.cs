namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A Placement resource provider (a compute node, a bare-metal node, a device...).</summary>
/// <param name="Id">The provider's uuid.</param>
/// <param name="Name">The provider's name.</param>
/// <param name="Generation">The generation, for consistent updates.</param>
/// <param name="ParentId">The parent provider, if nested.</param>
public sealed record PlacementResourceProvider(string Id, string Name, long Generation, string? ParentId);
