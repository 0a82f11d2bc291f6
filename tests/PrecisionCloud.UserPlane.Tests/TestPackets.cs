using System.Buffers.Binary;
using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Gtp;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Tests;

/// <summary>Packets and rule sets the pipeline tests and benchmarks share.</summary>
internal static class TestPackets
{
    public static readonly InetAddress Upf = InetAddress.Parse("192.168.10.2");
    public static readonly InetAddress Gnb = InetAddress.Parse("192.168.10.1");

    /// <summary>An IPv4/UDP packet of <paramref name="totalLength"/> bytes.</summary>
    public static byte[] Udp(string source, string destination, ushort sourcePort, ushort destinationPort, int totalLength = 64)
    {
        var packet = new byte[totalLength];
        packet[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)totalLength);
        packet[8] = 64;
        packet[9] = IpProtocol.Udp;
        InetAddress.Parse(source).TryWrite(packet.AsSpan(12));
        InetAddress.Parse(destination).TryWrite(packet.AsSpan(16));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(10), Ipv4Checksum.Compute(packet.AsSpan(0, 20)));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(20), sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(22), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(24), (ushort)(totalLength - 20));
        return packet;
    }

    /// <summary>A G-PDU carrying <paramref name="inner"/> with an uplink PDU Session Container.</summary>
    public static byte[] Gpdu(uint teid, byte[] inner, byte? qfi = 9)
    {
        var container = qfi is { } q ? new PduSessionContainer(PduSessionInformationType.Uplink, q) : (PduSessionContainer?)null;
        var buffer = new byte[GtpWriter.GetHeaderLength(container) + inner.Length];
        GtpWriter.TryWriteGPdu(buffer, teid, inner, container, out _);
        return buffer;
    }

    /// <summary>A session as an SMF sets one up: uplink PDR on a TEID, downlink PDR on the UE address, QER with QFI, URR.</summary>
    public static SessionRules Session(ulong seid, uint uplinkTeid, string ueAddress, uint gnbTeid, UsageReportingRule? urr = null, QosEnforcementRule? qer = null,
        ForwardingActionRule? downlinkFar = null, string? uplinkFilter = null)
    {
        var ue = InetAddress.Parse(ueAddress);
        return new SessionRules
        {
            Seid = seid,
            Pdrs =
            [
                new PacketDetectionRule
                {
                    Id = 1,
                    Precedence = 100,
                    Pdi = new PacketDetectionInformation
                    {
                        SourceInterface = SourceInterface.Access,
                        LocalTeid = uplinkTeid,
                        LocalAddress = Upf,
                        UeIPv4Address = ue,
                        SdfFilters = [FlowDescription.Parse(uplinkFilter ?? "permit out ip from any to assigned")],
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
                        SdfFilters = [FlowDescription.Parse("permit out ip from any to assigned")],
                    },
                    FarId = 2,
                    QerIds = [1],
                    UrrIds = [1],
                },
            ],
            Fars =
            [
                new ForwardingActionRule
                {
                    Id = 1,
                    ApplyAction = ApplyAction.Forward,
                    Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Core, NetworkInstance = "internet" },
                },
                downlinkFar ?? new ForwardingActionRule
                {
                    Id = 2,
                    ApplyAction = ApplyAction.Forward,
                    Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Access, OuterHeaderCreation = new OuterHeaderCreation(gnbTeid, Gnb) },
                },
            ],
            Qers = [qer ?? new QosEnforcementRule { Id = 1, Qfi = 9 }],
            Urrs = [urr ?? new UsageReportingRule { Id = 1 }],
        };
    }
}
