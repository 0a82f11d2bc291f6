using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Classification;

/// <summary>
/// The address part of a flow description: <c>any</c>, <c>assigned</c> (the UE's address, resolved when a rule is
/// installed), or an address with a prefix length.
/// </summary>
public readonly record struct AddressMatch
{
    private AddressMatch(AddressMatchKind kind, InetAddress address, int prefixLength)
    {
        Kind = kind;
        Address = address;
        PrefixLength = prefixLength;
    }

    /// <summary>Matches every address.</summary>
    public static AddressMatch Any { get; } = new(AddressMatchKind.Any, default, 0);

    /// <summary>Matches the UE's own address(es).</summary>
    public static AddressMatch Assigned { get; } = new(AddressMatchKind.Assigned, default, 0);

    /// <summary>What the match is.</summary>
    public AddressMatchKind Kind { get; }

    /// <summary>The network address (with host bits cleared) for <see cref="AddressMatchKind.Prefix"/>.</summary>
    public InetAddress Address { get; }

    /// <summary>The prefix length: 0-32 for IPv4, 0-128 for IPv6.</summary>
    public int PrefixLength { get; }

    /// <summary>A prefix match; host bits of <paramref name="address"/> are cleared.</summary>
    /// <param name="address">The address.</param>
    /// <param name="prefixLength">The prefix length (32 or 128 for one host).</param>
    /// <returns>The match.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The prefix length does not suit the address family.</exception>
    public static AddressMatch Prefix(InetAddress address, int prefixLength)
    {
        var bits = address.IsIPv6 ? 128 : 32;
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, bits);
        var network = address.IsIPv6
            ? InetAddressMath.IPv6(address.Value & InetAddressMath.IPv6Mask(prefixLength))
            : InetAddress.FromIPv4(address.IPv4 & InetAddressMath.IPv4Mask(prefixLength));
        return new AddressMatch(AddressMatchKind.Prefix, network, prefixLength);
    }

    /// <summary>Whether an address falls in this match (<c>assigned</c> never matches until resolved).</summary>
    /// <param name="address">The address to test.</param>
    /// <returns><see langword="true"/> on a match.</returns>
    public bool Matches(InetAddress address) => Kind switch
    {
        AddressMatchKind.Any => true,
        AddressMatchKind.Prefix when address.IsIPv6 == Address.IsIPv6 => address.IsIPv6
            ? (address.Value & InetAddressMath.IPv6Mask(PrefixLength)) == Address.Value
            : (address.IPv4 & InetAddressMath.IPv4Mask(PrefixLength)) == Address.IPv4,
        _ => false,
    };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        AddressMatchKind.Any => "any",
        AddressMatchKind.Assigned => "assigned",
        _ => $"{Address}/{PrefixLength}",
    };
}
