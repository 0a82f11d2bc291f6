using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace PrecisionCloud.Resources.Networking;

/// <summary>The IPv4 addresses of a network's subnets: which are taken, and the lowest free one.</summary>
internal sealed class AddressPool
{
    private readonly Subnet[] _subnets;
    private readonly HashSet<uint> _taken = [];

    public AddressPool(IReadOnlyList<SubnetSpec> subnets)
    {
        _subnets = [.. subnets.Select(Subnet.Parse)];
    }

    public int Taken => _taken.Count;

    /// <summary>The subnet holding an address, or <see langword="null"/>.</summary>
    public Subnet? Find(string address) =>
        IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork
            ? _subnets.FirstOrDefault(s => s.Contains(ToUInt(ip)))
            : null;

    public bool IsTaken(string address) => IPAddress.TryParse(address, out var ip) && _taken.Contains(ToUInt(ip));

    public void Claim(string address)
    {
        if (IPAddress.TryParse(address, out var ip))
        {
            _taken.Add(ToUInt(ip));
        }
    }

    public void Release(string address)
    {
        if (IPAddress.TryParse(address, out var ip))
        {
            _taken.Remove(ToUInt(ip));
        }
    }

    /// <summary>Takes the lowest free host address of the first subnet with one; <see langword="null"/> when all are taken.</summary>
    public string? Allocate()
    {
        foreach (var subnet in _subnets)
        {
            for (var address = subnet.FirstHost; address <= subnet.LastHost; address++)
            {
                if (address != subnet.Gateway && _taken.Add(address))
                {
                    return ToText(address);
                }
            }
        }

        return null;
    }

    /// <summary>Whether every taken address lies in one of these subnets (a subnet change keeps existing addresses).</summary>
    public bool AllFit(IReadOnlyList<SubnetSpec> subnets)
    {
        var parsed = subnets.Select(Subnet.Parse).ToArray();
        return _taken.All(a => parsed.Any(s => s.Contains(a) && a != s.Gateway));
    }

    internal static uint ToUInt(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    internal static string ToText(uint address)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, address);
        return new IPAddress(bytes).ToString();
    }

    /// <summary>A parsed subnet.</summary>
    internal sealed record Subnet(string Cidr, uint Network, int PrefixLength, uint Gateway)
    {
        public uint FirstHost => PrefixLength >= 31 ? Network : Network + 1;

        public uint LastHost => PrefixLength >= 31 ? Network | HostMask : (Network | HostMask) - 1;

        public string GatewayText => ToText(Gateway);

        private uint HostMask => PrefixLength == 0 ? uint.MaxValue : (1u << (32 - PrefixLength)) - 1;

        public bool Contains(uint address) => (address & ~HostMask) == Network;

        /// <summary>Parses a subnet spec; throws <see cref="ResourceValidationException"/> naming what is wrong.</summary>
        public static Subnet Parse(SubnetSpec spec)
        {
            var parts = spec.Cidr.Split('/');
            if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var ip) || ip.AddressFamily != AddressFamily.InterNetwork
                || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var prefix) || prefix is < 8 or > 30)
            {
                throw new ResourceValidationException("subnets[].cidr", $"'{spec.Cidr}' is not an IPv4 prefix a.b.c.d/8 to /30");
            }

            var mask = uint.MaxValue << (32 - prefix);
            var network = ToUInt(ip);
            if ((network & ~mask) != 0)
            {
                throw new ResourceValidationException("subnets[].cidr", $"'{spec.Cidr}' has host bits set; the prefix is {ToText(network & mask)}/{prefix}");
            }

            var subnet = new Subnet(spec.Cidr, network, prefix, network + 1);
            if (spec.Gateway is { } gateway)
            {
                if (!IPAddress.TryParse(gateway, out var gatewayIp) || gatewayIp.AddressFamily != AddressFamily.InterNetwork
                    || !subnet.Contains(ToUInt(gatewayIp)) || ToUInt(gatewayIp) < subnet.FirstHost || ToUInt(gatewayIp) > subnet.LastHost)
                {
                    throw new ResourceValidationException("subnets[].gateway", $"'{gateway}' is not a host address of {spec.Cidr}");
                }

                subnet = subnet with { Gateway = ToUInt(gatewayIp) };
            }

            return subnet;
        }
    }
}
