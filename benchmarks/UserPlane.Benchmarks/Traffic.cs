using System.Buffers.Binary;
using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Gtp;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Benchmarks;

/// <summary>Sessions and packets of the shape the targets name: 64-byte inner IPv4/UDP, PDU Session Container on N3.</summary>
internal static class Traffic
{
    public static readonly InetAddress Upf = InetAddress.Parse("192.168.10.2");
    public static readonly InetAddress Gnb = InetAddress.Parse("192.168.10.1");
    public const int InnerLength = 64;

    public static uint UplinkTeid(int session) => (uint)(session + 1);

    public static uint DownlinkTeid(int session) => (uint)(0x8000_0000 + session);

    public static uint UeAddress(int session) => 0x0A00_0000u + (uint)session + 2; // 10.0.0.2 onward

    public static SessionRules Session(int session)
    {
        var ue = InetAddress.FromIPv4(UeAddress(session));
        return new SessionRules
        {
            Seid = (ulong)session + 1,
            Pdrs =
            [
                new PacketDetectionRule
                {
                    Id = 1,
                    Precedence = 100,
                    Pdi = new PacketDetectionInformation
                    {
                        SourceInterface = SourceInterface.Access,
                        LocalTeid = UplinkTeid(session),
                        UeIPv4Address = ue,
                        SdfFilters = [FlowDescription.Parse("permit out 17 from any to assigned")],
                    },
                    OuterHeaderRemoval = OuterHeaderRemoval.GtpUUdpIPv4,
                    FarId = 1,
                    QerIds = [1],
                    UrrIds = [1],
                },
                new PacketDetectionRule
                {
                    Id = 2,
                    Precedence = 100,
                    Pdi = new PacketDetectionInformation
                    {
                        SourceInterface = SourceInterface.Core,
                        UeIPv4Address = ue,
                        SdfFilters = [FlowDescription.Parse("permit out 17 from any to assigned")],
                    },
                    FarId = 2,
                    QerIds = [1],
                    UrrIds = [1],
                },
            ],
            Fars =
            [
                new ForwardingActionRule { Id = 1, ApplyAction = ApplyAction.Forward, Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Core } },
                new ForwardingActionRule
                {
                    Id = 2,
                    ApplyAction = ApplyAction.Forward,
                    Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Access, OuterHeaderCreation = new OuterHeaderCreation(DownlinkTeid(session), Gnb) },
                },
            ],
            Qers = [new QosEnforcementRule { Id = 1, Qfi = 9, UplinkMbrKbps = 100_000_000, DownlinkMbrKbps = 100_000_000 }],
            Urrs = [new UsageReportingRule { Id = 1, MeasurementMethod = MeasurementMethod.Volume }],
        };
    }

    /// <summary>An inner IPv4/UDP packet between the UE of <paramref name="session"/> and a server.</summary>
    public static byte[] Inner(int session, bool uplink)
    {
        var packet = new byte[InnerLength];
        packet[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), InnerLength);
        packet[8] = 64;
        packet[9] = IpProtocol.Udp;
        var (source, destination) = uplink ? (UeAddress(session), 0x0808_0808u) : (0x0808_0808u, UeAddress(session));
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(12), source);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(16), destination);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(10), Ipv4Checksum.Compute(packet.AsSpan(0, 20)));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(20), uplink ? (ushort)40000 : (ushort)53);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(22), uplink ? (ushort)53 : (ushort)40000);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(24), InnerLength - 20);
        return packet;
    }

    public static byte[] Gpdu(int session)
    {
        var inner = Inner(session, uplink: true);
        var container = new PduSessionContainer(PduSessionInformationType.Uplink, 9);
        var datagram = new byte[GtpWriter.GetHeaderLength(container) + inner.Length];
        GtpWriter.TryWriteGPdu(datagram, UplinkTeid(session), inner, container, out _);
        return datagram;
    }
}
