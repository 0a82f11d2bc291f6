using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Rules;

/// <summary>What a PDR matches (3GPP TS 29.244 §7.5.2.2-2, the PDI).</summary>
public sealed record PacketDetectionInformation
{
    /// <summary>Where the packets come from.</summary>
    public required SourceInterface SourceInterface { get; init; }

    /// <summary>The local TEID of the tunnel the packets arrive in (uplink), or none.</summary>
    public uint? LocalTeid { get; init; }

    /// <summary>The local address of that tunnel, or none.</summary>
    public InetAddress? LocalAddress { get; init; }

    /// <summary>The network instance, or none.</summary>
    public string? NetworkInstance { get; init; }

    /// <summary>The UE's IPv4 address, or none.</summary>
    public InetAddress? UeIPv4Address { get; init; }

    /// <summary>The UE's IPv6 address or prefix (matched on the first <see cref="UeIPv6PrefixLength"/> bits), or none.</summary>
    public InetAddress? UeIPv6Address { get; init; }

    /// <summary>The prefix length of <see cref="UeIPv6Address"/>; 64 by default (an IPv6 PDU session's prefix).</summary>
    public int UeIPv6PrefixLength { get; init; } = 64;

    /// <summary>SDF filters; a packet matches when any matches, and every packet when there is none.</summary>
    public IReadOnlyList<FlowDescription> SdfFilters { get; init; } = [];

    /// <summary>The QFI packets must carry, or none.</summary>
    public byte? Qfi { get; init; }

    /// <summary>An application ID (needs application detection, which this user plane reports as unsupported).</summary>
    public string? ApplicationId { get; init; }
}
