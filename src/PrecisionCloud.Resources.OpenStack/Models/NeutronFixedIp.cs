namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>An address of a port.</summary>
/// <param name="SubnetId">The subnet.</param>
/// <param name="IpAddress">The address.</param>
public sealed record NeutronFixedIp(string? SubnetId, string IpAddress);
