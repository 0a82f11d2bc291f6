using System.Buffers.Binary;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Benchmarks;

/// <summary>
/// Session Establishment Requests of the shape the issue names, as an SMF would send them: 4 PDRs (two uplink with
/// a shared CHOOSE F-TEID and an SDF filter, two downlink), 2 FARs, 1 QER, 1 URR; each session its own UE address
/// and CP SEID. Also the same rules as the user plane's records, for the baseline.
/// </summary>
internal static class SmfRequests
{
    public static readonly InetAddress Smf = InetAddress.Parse("127.0.0.1");

    public static byte[] AssociationSetup()
    {
        var buffer = new byte[128];
        return buffer[..new PrecisionCloud.UserPlane.Pfcp.Messages.AssociationSetupRequest(NodeId.FromAddress(Smf), 1).Encode(buffer, 1)];
    }

    public static byte[] Establishment(int session)
    {
        var buffer = new byte[1024];
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(PfcpMessageType.SessionEstablishmentRequest, (uint)(session & 0xFF_FFFF) + 2, seid: 0);
        NodeId.FromAddress(Smf).Write(ref writer);
        new FSeid((ulong)session + 1, Smf, null).Write(ref writer);
        var ue = UeAddress(session);
        Pdr(ref writer, 1, uplink: true, ue, far: 1, filter: "permit out 17 from any to assigned");
        Pdr(ref writer, 2, uplink: true, ue, far: 1, filter: null);
        Pdr(ref writer, 3, uplink: false, ue, far: 2, filter: "permit out 17 from any to assigned");
        Pdr(ref writer, 4, uplink: false, ue, far: 2, filter: null);

        var far = writer.BeginGroup(PfcpIeType.CreateFar);
        writer.WriteIe(PfcpIeType.FarId, 1u);
        writer.WriteIe(PfcpIeType.ApplyAction, (byte)0x02);
        var forwarding = writer.BeginGroup(PfcpIeType.ForwardingParameters);
        writer.WriteIe(PfcpIeType.DestinationInterface, (byte)1);
        writer.WriteIe(PfcpIeType.NetworkInstance, "internet"u8);
        writer.EndGroup(forwarding);
        writer.EndGroup(far);

        far = writer.BeginGroup(PfcpIeType.CreateFar);
        writer.WriteIe(PfcpIeType.FarId, 2u);
        writer.WriteIe(PfcpIeType.ApplyAction, (byte)0x02);
        forwarding = writer.BeginGroup(PfcpIeType.ForwardingParameters);
        writer.WriteIe(PfcpIeType.DestinationInterface, (byte)0);
        var creation = writer.ReserveIe(PfcpIeType.OuterHeaderCreation, 10);
        creation[0] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(creation[2..], 0x8000_0000u + (uint)session);
        BinaryPrimitives.WriteUInt32BigEndian(creation[6..], 0x0AC8_0002u);
        writer.EndGroup(forwarding);
        writer.EndGroup(far);

        var qer = writer.BeginGroup(PfcpIeType.CreateQer);
        writer.WriteIe(PfcpIeType.QerId, 1u);
        writer.WriteIe(PfcpIeType.GateStatus, (byte)0);
        var mbr = writer.ReserveIe(PfcpIeType.Mbr, 10);
        BinaryPrimitives.WriteUInt32BigEndian(mbr[1..], 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(mbr[6..], 200_000);
        writer.WriteIe(PfcpIeType.Qfi, (byte)9);
        writer.EndGroup(qer);

        var urr = writer.BeginGroup(PfcpIeType.CreateUrr);
        writer.WriteIe(PfcpIeType.UrrId, 1u);
        writer.WriteIe(PfcpIeType.MeasurementMethod, (byte)0x02);
        writer.WriteIe(PfcpIeType.ReportingTriggers, (ushort)0x0200); // VOLTH in the first octet
        var threshold = writer.ReserveIe(PfcpIeType.VolumeThreshold, 9);
        threshold[0] = 0x01;
        BinaryPrimitives.WriteUInt64BigEndian(threshold[1..], 1_000_000_000);
        writer.EndGroup(urr);
        return buffer[..writer.EndMessage()];
    }

    /// <summary>The rules the request above becomes, with TEIDs already chosen (the baseline installs these directly).</summary>
    public static SessionRules Rules(int session)
    {
        var ue = InetAddress.FromIPv4(UeAddress(session));
        var teid = 0x0001_0000u + (uint)session;
        PacketDetectionRule Pdr(ushort id, bool uplink, uint far, string? filter) => new()
        {
            Id = id,
            Precedence = id,
            Pdi = new PacketDetectionInformation
            {
                SourceInterface = uplink ? SourceInterface.Access : SourceInterface.Core,
                LocalTeid = uplink ? teid : null,
                UeIPv4Address = ue,
                NetworkInstance = "internet",
                SdfFilters = filter is null ? [] : [PrecisionCloud.UserPlane.Classification.FlowDescription.Parse(filter)],
            },
            OuterHeaderRemoval = uplink ? OuterHeaderRemoval.GtpUUdpIPv4 : null,
            FarId = far,
            QerIds = [1],
            UrrIds = [1],
        };

        return new SessionRules
        {
            Seid = (ulong)session + 1,
            Pdrs = [Pdr(1, true, 1, "permit out 17 from any to assigned"), Pdr(2, true, 1, null), Pdr(3, false, 2, "permit out 17 from any to assigned"), Pdr(4, false, 2, null)],
            Fars =
            [
                new ForwardingActionRule { Id = 1, ApplyAction = ApplyAction.Forward, Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Core, NetworkInstance = "internet" } },
                new ForwardingActionRule
                {
                    Id = 2,
                    ApplyAction = ApplyAction.Forward,
                    Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Access, OuterHeaderCreation = new OuterHeaderCreation(0x8000_0000u + (uint)session, InetAddress.Parse("10.200.0.2")) },
                },
            ],
            Qers = [new QosEnforcementRule { Id = 1, UplinkMbrKbps = 100_000, DownlinkMbrKbps = 200_000, Qfi = 9 }],
            Urrs = [new UsageReportingRule { Id = 1, MeasurementMethod = MeasurementMethod.Volume, ReportingTriggers = ReportingTriggers.VolumeThreshold, VolumeThreshold = new VolumeLimit(1_000_000_000) }],
        };
    }

    private static uint UeAddress(int session) => 0x0A00_0000u + (uint)session + 2;

    private static void Pdr(ref PfcpWriter writer, ushort id, bool uplink, uint ue, uint far, string? filter)
    {
        var pdr = writer.BeginGroup(PfcpIeType.CreatePdr);
        writer.WriteIe(PfcpIeType.PdrId, id);
        writer.WriteIe(PfcpIeType.Precedence, (uint)id);
        var pdi = writer.BeginGroup(PfcpIeType.Pdi);
        writer.WriteIe(PfcpIeType.SourceInterface, (byte)(uplink ? 0 : 1));
        if (uplink)
        {
            FTeid.ChooseIPv4(chooseId: 1).Write(ref writer);
        }

        writer.WriteIe(PfcpIeType.NetworkInstance, "internet"u8);
        var address = writer.ReserveIe(PfcpIeType.UeIpAddress, 5);
        address[0] = (byte)(0x02 | (uplink ? 0 : 0x04));
        BinaryPrimitives.WriteUInt32BigEndian(address[1..], ue);
        if (filter is not null)
        {
            var text = System.Text.Encoding.ASCII.GetBytes(filter);
            var sdf = writer.ReserveIe(PfcpIeType.SdfFilter, 4 + text.Length);
            sdf[0] = 0x01;
            BinaryPrimitives.WriteUInt16BigEndian(sdf[2..], (ushort)text.Length);
            text.CopyTo(sdf[4..]);
        }

        writer.EndGroup(pdi);
        if (uplink)
        {
            writer.WriteIe(PfcpIeType.OuterHeaderRemoval, (byte)0);
        }

        writer.WriteIe(PfcpIeType.FarId, far);
        writer.WriteIe(PfcpIeType.QerId, 1u);
        writer.WriteIe(PfcpIeType.UrrId, 1u);
        writer.EndGroup(pdr);
    }
}
