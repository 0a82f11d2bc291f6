using PrecisionCloud.Tests.Oracles;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Pfcp.Sessions;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.Messages;

/// <summary>Every message we write dissects in tshark to the fields we meant, with no malformed or error expert info.</summary>
public sealed class TsharkMessageTests : IDisposable
{
    private readonly string _pcap = Path.Combine(Path.GetTempPath(), $"pfcp-{Guid.NewGuid():N}.pcap");

    public void Dispose() => File.Delete(_pcap);

    [Fact]
    public async Task Node_messages_we_write_dissect_to_their_fields()
    {
        var upf = NodeId.FromAddress(InetAddress.Parse("10.100.0.2"));
        var messages = new List<byte[]>
        {
            Encode(b => new HeartbeatRequest(3913056000).Encode(b, 1)),
            Encode(b => new HeartbeatResponse(3913056000).Encode(b, 1)),
            Encode(b => new AssociationSetupRequest(NodeId.FromFqdn("upf1.edge.example.org"), 3913056001) { UpFunctionFeatures = UpFunctionFeatures.Ftup | UpFunctionFeatures.Empu }.Encode(b, 0x123456)),
            Encode(b => new AssociationSetupResponse(upf, PfcpCause.RequestAccepted, 3913056002) { UpFunctionFeatures = UpFunctionFeatures.Ftup }.Encode(b, 0x123456)),
            Encode(b => new AssociationSetupResponse(NodeId.FromAddress(InetAddress.Parse("2001:db8::2")), PfcpCause.RequestRejected, 1).Encode(b, 9)),
        };
        using (var pcap = new PcapWriter(_pcap))
        {
            foreach (var message in messages)
            {
                pcap.WriteUdp(0x0A640001, 0x0A640002, 8805, 8805, message);
            }
        }

        Assert.Equal(string.Empty, await ExternalTool.ProblemsAsync(_pcap));
        var rows = await ExternalTool.DissectAsync(_pcap, ["pfcp.msg_type", "pfcp.seqno", "pfcp.s", "pfcp.recovery_time_stamp", "pfcp.node_id_ipv4",
            "pfcp.node_id_fqdn", "pfcp.cause", "pfcp.up_function_features.ftup", "pfcp.up_function_features.empu", "pfcp.node_id_ipv6"]);

        Assert.Equal(["1", "1", "0"], rows[0][..3]);
        Assert.Equal("2", rows[1][0]);
        Assert.Equal(["5", "1193046", "0"], rows[2][..3]);
        Assert.Equal("upf1.edge.example.org", rows[2][5]);
        Assert.Equal(["1", "1"], rows[2][7..9]);
        Assert.Equal(["6", "1193046"], rows[3][..2]);
        Assert.Equal(["10.100.0.2", "", "1", "1", "0"], rows[3][4..9]);
        Assert.Equal(["64", "2001:db8::2"], [rows[4][6], rows[4][9]]);
        Assert.All(rows, r => Assert.NotEqual(string.Empty, r[3])); // every one carries its recovery time stamp
    }

    [Fact]
    public async Task Session_requests_as_the_simulator_writes_them_dissect_to_their_rules()
    {
        var far = new ForwardingActionRule
        {
            Id = 2,
            ApplyAction = ApplyAction.Forward,
            Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Access, OuterHeaderCreation = new OuterHeaderCreation(0x1234, InetAddress.Parse("10.200.0.2")), TransportLevelMarking = 46 },
        };
        var establishment = new SessionEstablishmentRequest(NodeId.FromAddress(InetAddress.Parse("10.100.0.1")), new FSeid(0x77, InetAddress.Parse("10.100.0.1"), null))
        {
            Pdrs =
            [
                new PdrRequest(new PacketDetectionRule
                {
                    Id = 1, Precedence = 100, FarId = 2, QerIds = [3], UrrIds = [4], OuterHeaderRemoval = OuterHeaderRemoval.GtpUUdpIPv4,
                    Pdi = new PacketDetectionInformation
                    {
                        SourceInterface = SourceInterface.Access, NetworkInstance = "internet", UeIPv4Address = InetAddress.Parse("10.45.0.9"),
                        SdfFilters = [Classification.FlowDescription.Parse("permit out 17 from 10.0.0.0/8 1000-2000 to assigned 53")], Qfi = 9,
                    },
                }, FTeid.ChooseIPv4(chooseId: 1)),
            ],
            Fars = [far],
            Qers = [new QosEnforcementRule { Id = 3, DownlinkGateOpen = false, UplinkMbrKbps = 100_000, DownlinkMbrKbps = 200_000, Qfi = 9 }],
            Urrs = [new UsageReportingRule { Id = 4, ReportingTriggers = ReportingTriggers.VolumeThreshold, VolumeThreshold = new VolumeLimit(1_000_000, null, null) }],
            Bars = [new BufferingActionRule { Id = 5, SuggestedBufferingPacketsCount = 10 }],
            Dnn = "internet",
            Snssai = new Snssai(1, 0x010203),
            UserId = new UserId("001010123456789", null, null, null),
        };
        var modification = new SessionModificationRequest
        {
            UpdateFars = [new FarUpdate(2) { Forwarding = new ForwardingParametersUpdate { OuterHeaderCreation = new OuterHeaderCreation(0x5678, InetAddress.Parse("10.200.0.9")), SendEndMarkers = true } }],
            RemovePdrs = [7],
            QueryUrrs = [4],
            Flags = SessionModificationIndications.QueryAllUrrs,
        };
        using (var pcap = new PcapWriter(_pcap))
        {
            pcap.WriteUdp(0x0A640001, 0x0A640002, 8805, 8805, Encode(b => establishment.Encode(b, 10)));
            pcap.WriteUdp(0x0A640001, 0x0A640002, 8805, 8805, Encode(b => modification.Encode(b, 0x99, 11)));
            pcap.WriteUdp(0x0A640001, 0x0A640002, 8805, 8805, Encode(b => SessionDeletionRequest.Encode(b, 0x99, 12)));
            pcap.WriteUdp(0x0A640002, 0x0A640001, 8805, 8805, Encode(b => new AssociationResponse(PfcpMessageType.AssociationReleaseResponse, NodeId.FromAddress(InetAddress.Parse("10.100.0.2")), PfcpCause.RequestAccepted).Encode(b, 13)));
        }

        Assert.Equal(string.Empty, await ExternalTool.ProblemsAsync(_pcap));
        var rows = await ExternalTool.DissectAsync(_pcap, ["pfcp.msg_type", "pfcp.pdr_id", "pfcp.precedence", "pfcp.f_teid_flags.ch", "pfcp.network_instance",
            "pfcp.ue_ip_addr_ipv4", "pfcp.flow_desc", "pfcp.outer_hdr_desc", "pfcp.outer_hdr_creation.teid", "pfcp.ul_mbr", "pfcp.gate_status.ulgate", "pfcp.gate_status.dlgate", "pfcp.s_nssai_sst.sd",
            "pfcp.apn_dnn", "e212.imsi", "pfcp.smreq_flags.sndem", "pfcp.smreq_flags.qaurr", "pfcp.seid"]);

        Assert.Equal(["50", "1", "100", "1", "internet", "10.45.0.9", "permit out 17 from 10.0.0.0/8 1000-2000 to assigned 53"], rows[0][..7]);
        Assert.Equal(["0x00001234", "100000", "0", "1", "010203", "internet", "001010123456789"], rows[0][8..15]);
        Assert.Equal(["52", "7"], rows[1][..2]);
        Assert.Equal("0x00005678", rows[1][8]);
        Assert.Equal(["1,0", "0,1"], rows[1][15..17]); // SNDEM in the Update Forwarding Parameters, QAURR in the message
        Assert.Equal(["54", "0x0000000000000099"], [rows[2][0], rows[2][17]]);
        Assert.Equal("10", rows[3][0]);
    }

    private static byte[] Encode(Func<byte[], int> encode)
    {
        var buffer = new byte[512];
        var length = encode(buffer);
        Assert.True(length > 0);
        return buffer[..length];
    }
}
