namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A Neutron network.</summary>
/// <param name="Id">The network's id.</param>
/// <param name="Name">The network's name.</param>
/// <param name="Status"><c>ACTIVE</c>, <c>DOWN</c>, <c>BUILD</c> or <c>ERROR</c>.</param>
/// <param name="ProjectId">The owning project.</param>
/// <param name="Description">The description.</param>
/// <param name="Subnets">The subnets' ids.</param>
public sealed record NeutronNetwork(string Id, string Name, string Status, string? ProjectId, string Description, IReadOnlyList<string> Subnets);
