namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A Neutron port.</summary>
/// <param name="Id">The port's id.</param>
/// <param name="Name">The port's name.</param>
/// <param name="NetworkId">Its network.</param>
/// <param name="DeviceId">The server (or router) it is plugged into, or empty.</param>
/// <param name="Status"><c>ACTIVE</c>, <c>DOWN</c>, <c>BUILD</c> or <c>ERROR</c>.</param>
/// <param name="FixedIps">Its addresses.</param>
/// <param name="SecurityGroups">The ids of its security groups.</param>
/// <param name="Description">The description.</param>
/// <param name="ProjectId">The owning project.</param>
public sealed record NeutronPort(string Id, string Name, string NetworkId, string DeviceId, string Status, IReadOnlyList<NeutronFixedIp> FixedIps, IReadOnlyList<string> SecurityGroups, string Description, string? ProjectId);
