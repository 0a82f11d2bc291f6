namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A Neutron security group with its rules.</summary>
/// <param name="Id">The group's id.</param>
/// <param name="Name">The group's name.</param>
/// <param name="Description">The description.</param>
/// <param name="ProjectId">The owning project.</param>
/// <param name="Rules">The rules.</param>
public sealed record NeutronSecurityGroup(string Id, string Name, string Description, string? ProjectId, IReadOnlyList<NeutronSecurityGroupRule> Rules);
