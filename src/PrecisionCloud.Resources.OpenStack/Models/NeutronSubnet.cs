namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A Neutron subnet.</summary>
/// <param name="Id">The subnet's id.</param>
/// <param name="NetworkId">Its network.</param>
/// <param name="Cidr">The address range.</param>
/// <param name="GatewayIp">The gateway, or <see langword="null"/> for none.</param>
/// <param name="EnableDhcp">Whether DHCP serves it.</param>
/// <param name="IpVersion">4 or 6.</param>
public sealed record NeutronSubnet(string Id, string NetworkId, string Cidr, string? GatewayIp, bool EnableDhcp, int IpVersion);
