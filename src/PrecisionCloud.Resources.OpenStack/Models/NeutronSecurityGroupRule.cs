namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A rule of a Neutron security group.</summary>
/// <param name="Id">The rule's id (empty for a rule not yet made).</param>
/// <param name="Direction"><c>ingress</c> or <c>egress</c>.</param>
/// <param name="EtherType"><c>IPv4</c> or <c>IPv6</c>.</param>
/// <param name="Protocol"><c>tcp</c>, <c>udp</c>, <c>icmp</c>..., or <see langword="null"/> for any.</param>
/// <param name="PortRangeMin">The first port, or <see langword="null"/>.</param>
/// <param name="PortRangeMax">The last port, or <see langword="null"/>.</param>
/// <param name="RemoteIpPrefix">The remote range, or <see langword="null"/>.</param>
/// <param name="RemoteGroupId">The remote security group, or <see langword="null"/>.</param>
public sealed record NeutronSecurityGroupRule(string Id, string Direction, string EtherType, string? Protocol, int? PortRangeMin, int? PortRangeMax, string? RemoteIpPrefix, string? RemoteGroupId)
{
    /// <summary>Whether two rules allow the same traffic (ids aside).</summary>
    /// <param name="other">The other rule.</param>
    public bool SameTraffic(NeutronSecurityGroupRule other) =>
        other is not null && Direction == other.Direction && EtherType == other.EtherType && Protocol == other.Protocol && PortRangeMin == other.PortRangeMin
        && PortRangeMax == other.PortRangeMax && RemoteIpPrefix == other.RemoteIpPrefix && RemoteGroupId == other.RemoteGroupId;
}
