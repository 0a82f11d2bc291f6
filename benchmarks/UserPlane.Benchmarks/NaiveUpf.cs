using System.Buffers.Binary;
using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Gtp;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Benchmarks;

/// <summary>
/// The baseline: the same uplink and downlink work written the straightforward way (a Dictionary per index, a list
/// of filters per PDR matched one by one, a new array per decapsulated or encapsulated packet, a lock per counter).
/// It shares the GTP-U reader, so the ratio measures the pipeline's design, not the parser.
/// </summary>
internal sealed class NaiveUpf
{
    private readonly Dictionary<uint, NaiveSession> _byTeid = [];
    private readonly Dictionary<uint, NaiveSession> _byUe = [];

    public void Add(int session)
    {
        var filter = FlowDescription.Parse("permit out 17 from any to assigned");
        var ue = AddressMatch.Prefix(InetAddress.FromIPv4(Traffic.UeAddress(session)), 32);
        var state = new NaiveSession(
            [filter.ForPackets(uplink: true).Resolve(ue)],
            [filter.ForPackets(uplink: false).Resolve(ue)],
            Traffic.DownlinkTeid(session));
        _byTeid[Traffic.UplinkTeid(session)] = state;
        _byUe[Traffic.UeAddress(session)] = state;
    }

    public byte[]? Uplink(byte[] datagram)
    {
        if (GtpReader.TryRead(datagram, out var gtp) != DropReason.None || !_byTeid.TryGetValue(gtp.Teid, out var session))
        {
            return null;
        }

        var inner = datagram.AsSpan(gtp.PayloadOffset, gtp.PayloadLength).ToArray();
        if (InnerPacketReader.TryReadFiveTuple(inner, out var tuple) != DropReason.None || !session.UplinkFilters.Any(f => f.Matches(tuple)))
        {
            return null;
        }

        session.Count(inner.Length, uplink: true);
        return inner;
    }

    public byte[]? Downlink(byte[] packet)
    {
        if (InnerPacketReader.TryReadFiveTuple(packet, out var tuple) != DropReason.None || !_byUe.TryGetValue(tuple.Destination.IPv4, out var session)
            || !session.DownlinkFilters.Any(f => f.Matches(tuple)))
        {
            return null;
        }

        session.Count(packet.Length, uplink: false);
        var container = new PduSessionContainer(PduSessionInformationType.Downlink, 9);
        var gtpLength = GtpWriter.GetHeaderLength(container);
        var frame = new byte[20 + 8 + gtpLength + packet.Length];
        frame[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)frame.Length);
        frame[8] = 64;
        frame[9] = IpProtocol.Udp;
        Traffic.Upf.TryWrite(frame.AsSpan(12));
        Traffic.Gnb.TryWrite(frame.AsSpan(16));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(10), Ipv4Checksum.Compute(frame.AsSpan(0, 20)));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(20), 2152);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(22), 2152);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(24), (ushort)(frame.Length - 20));
        GtpWriter.TryWriteGPdu(frame.AsSpan(28), session.DownlinkTeid, packet, container, out _);
        return frame;
    }

    private sealed class NaiveSession(List<PacketFilter> uplinkFilters, List<PacketFilter> downlinkFilters, uint downlinkTeid)
    {
        private readonly Lock _lock = new();
        private long _uplinkBytes, _downlinkBytes;

        public List<PacketFilter> UplinkFilters { get; } = uplinkFilters;

        public List<PacketFilter> DownlinkFilters { get; } = downlinkFilters;

        public uint DownlinkTeid { get; } = downlinkTeid;

        public void Count(int bytes, bool uplink)
        {
            lock (_lock)
            {
                if (uplink)
                {
                    _uplinkBytes += bytes;
                }
                else
                {
                    _downlinkBytes += bytes;
                }
            }
        }
    }
}
