using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using PrecisionCloud.UserPlane.Gtp;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Pipeline;

/// <summary>
/// The outer IPv4, UDP and GTP-U headers of one tunnel, written once when the rules are installed: encapsulating a
/// packet is then one copy of the template and three length fields, with the IPv4 checksum updated incrementally
/// from the template's (RFC 1624) instead of summed again.
/// </summary>
internal sealed class TunnelTemplate
{
    private const int IPv4Length = 20;
    private const int UdpLength = 8;

    // The headers sit in the object itself (one object per tunnel, not two): every session holds one of these.
    private readonly HeaderBytes _headers;
    private readonly int _length;
    private readonly uint _checksumBase;

    public TunnelTemplate(InetAddress source, ushort sourcePort, InetAddress peer, ushort peerPort, uint teid, PduSessionContainer? container, byte dscp)
    {
        Peer = peer;
        PeerPort = peerPort;
        var gtpLength = GtpWriter.GetHeaderLength(container);
        _length = IPv4Length + UdpLength + gtpLength;
        Span<byte> headers = _headers;
        var ip = headers[..IPv4Length];
        TunnelEncapsulation.WriteIPv4Header(ip, source, peer, dscp, totalLength: 0);
        BinaryPrimitives.WriteUInt16BigEndian(headers[IPv4Length..], sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(headers[(IPv4Length + 2)..], peerPort);
        GtpWriter.TryWriteGPduHeader(headers[(IPv4Length + UdpLength).._length], teid, 0, container, null, out _);

        // One's-complement sum of the header with a zero total length and checksum; the length is added per packet.
        uint sum = 0;
        for (var i = 0; i < IPv4Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(ip[i..]);
        }

        _checksumBase = sum;
    }

    public InetAddress Peer { get; }

    public ushort PeerPort { get; }

    public int Length => _length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DropReason Apply(PacketBatch batch, ref PacketDescriptor packet)
    {
        var outer = _length;
        var start = packet.Offset - outer;
        if (start < packet.Offset / batch.SlotSize * batch.SlotSize)
        {
            return DropReason.NoHeadroom;
        }

        var frame = batch.Buffer.AsSpan(start, outer + packet.Length);
        ((ReadOnlySpan<byte>)_headers)[..outer].CopyTo(frame);
        var total = (ushort)frame.Length;
        BinaryPrimitives.WriteUInt16BigEndian(frame[2..], total);
        var sum = _checksumBase + total;
        sum = (sum & 0xFFFF) + (sum >> 16);
        sum = (sum & 0xFFFF) + (sum >> 16);
        BinaryPrimitives.WriteUInt16BigEndian(frame[10..], (ushort)~sum);
        BinaryPrimitives.WriteUInt16BigEndian(frame[(IPv4Length + 4)..], (ushort)(total - IPv4Length));
        BinaryPrimitives.WriteUInt16BigEndian(frame[(IPv4Length + UdpLength + 2)..], (ushort)(outer - IPv4Length - UdpLength - GtpReader.MandatoryHeaderLength + packet.Length));

        packet.Offset = start;
        packet.Length = frame.Length;
        packet.TunnelOffset = start + IPv4Length + UdpLength;
        packet.RemoteAddress = Peer;
        packet.RemotePort = PeerPort;
        return DropReason.None;
    }

    /// <summary>Room for the outer IPv4 (20), UDP (8) and GTP-U headers (at most 20: 8 + 4 optional + an 8-octet PDU Session Container).</summary>
    [InlineArray(48)]
    private struct HeaderBytes
    {
        private byte _first;
    }
}
