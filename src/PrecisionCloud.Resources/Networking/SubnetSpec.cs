namespace PrecisionCloud.Resources.Networking;

/// <summary>An IPv4 subnet of a network.</summary>
/// <param name="Cidr">The prefix, for example <c>10.20.0.0/24</c>.</param>
/// <param name="Gateway">The gateway address in the prefix, or <see langword="null"/> for its first host address.</param>
/// <param name="Dhcp">Whether the backend serves addresses by DHCP (VMs); containers are configured directly.</param>
public sealed record SubnetSpec(string Cidr, string? Gateway = null, bool Dhcp = true)
{
    /// <summary>The gateway in effect (the given one, or the prefix's first host address) and the prefix length.</summary>
    /// <exception cref="ResourceValidationException">The prefix or the gateway is invalid.</exception>
    public (string Gateway, int PrefixLength) Resolve()
    {
        var parsed = AddressPool.Subnet.Parse(this);
        return (parsed.GatewayText, parsed.PrefixLength);
    }
}
