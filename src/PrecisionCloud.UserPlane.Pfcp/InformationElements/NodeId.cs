using System.Text;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;

namespace PrecisionCloud.UserPlane.Pfcp.InformationElements;

/// <summary>
/// A PFCP node's identity (3GPP TS 29.244 §8.2.38): an IPv4 or IPv6 address, or an FQDN (encoded on the wire as
/// DNS labels, RFC 1035 §3.1). Associations are kept per Node ID.
/// </summary>
public readonly record struct NodeId
{
    private const int MaxFqdnLength = 255;

    private NodeId(NodeIdType type, InetAddress address, string? fqdn)
    {
        Type = type;
        Address = address;
        Fqdn = fqdn;
    }

    /// <summary>The kind.</summary>
    public NodeIdType Type { get; }

    /// <summary>The address (IPv4 or IPv6 kinds).</summary>
    public InetAddress Address { get; }

    /// <summary>The name (FQDN kind).</summary>
    public string? Fqdn { get; }

    /// <summary>A Node ID that is an address.</summary>
    /// <param name="address">The address.</param>
    /// <returns>The Node ID.</returns>
    public static NodeId FromAddress(InetAddress address) => new(address.IsIPv6 ? NodeIdType.IPv6 : NodeIdType.IPv4, address, null);

    /// <summary>A Node ID that is a name.</summary>
    /// <param name="fqdn">The name, for example <c>upf1.edge.example.org</c>.</param>
    /// <returns>The Node ID.</returns>
    /// <exception cref="ArgumentException">The name has an empty label, a label over 63 octets, or is over 255 octets.</exception>
    public static NodeId FromFqdn(string fqdn)
    {
        ArgumentException.ThrowIfNullOrEmpty(fqdn);
        var labels = fqdn.TrimEnd('.').Split('.');
        if (labels.Any(l => l.Length is 0 or > 63) || Encoding.ASCII.GetByteCount(fqdn) > MaxFqdnLength)
        {
            throw new ArgumentException($"'{fqdn}' is not a domain name of labels of 1 to 63 octets.", nameof(fqdn));
        }

        return new NodeId(NodeIdType.Fqdn, default, fqdn.TrimEnd('.'));
    }

    /// <summary>Reads a Node ID IE's value.</summary>
    /// <param name="value">The value octets.</param>
    /// <param name="nodeId">The Node ID.</param>
    /// <returns><see langword="false"/> when the value is malformed.</returns>
    public static bool TryRead(ReadOnlySpan<byte> value, out NodeId nodeId)
    {
        nodeId = default;
        if (value.IsEmpty)
        {
            return false;
        }

        var rest = value[1..];
        switch ((NodeIdType)(value[0] & 0x0F))
        {
            case NodeIdType.IPv4 when rest.Length >= 4 && InetAddress.TryRead(rest[..4], out var v4):
                nodeId = FromAddress(v4);
                return true;
            case NodeIdType.IPv6 when rest.Length >= 16 && InetAddress.TryRead(rest[..16], out var v6):
                nodeId = FromAddress(v6);
                return true;
            case NodeIdType.Fqdn when DnsLabels.TryDecode(rest, out var name):
                nodeId = new NodeId(NodeIdType.Fqdn, default, name);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes the Node ID as an IE.</summary>
    /// <param name="writer">The writer.</param>
    public void Write(ref PfcpWriter writer)
    {
        if (Type == NodeIdType.Fqdn)
        {
            var value = writer.ReserveIe(PfcpIeType.NodeId, 1 + DnsLabels.EncodedLength(Fqdn!));
            if (!value.IsEmpty)
            {
                value[0] = (byte)NodeIdType.Fqdn;
                DnsLabels.Encode(Fqdn!, value[1..]);
            }

            return;
        }

        var ie = writer.ReserveIe(PfcpIeType.NodeId, 1 + Address.Length);
        if (!ie.IsEmpty)
        {
            ie[0] = (byte)Type;
            Address.TryWrite(ie[1..]);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Type == NodeIdType.Fqdn ? Fqdn! : Address.ToString();
}
