using System.Diagnostics;
using PrecisionCloud.Tests.Oracles;
using PrecisionCloud.UserPlane.Gtp;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Pfcp.Sessions;
using PrecisionCloud.UserPlane.Pipeline;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.Sessions;

public sealed class PfcpSessionTableTests : IDisposable
{
    private static readonly InetAddress N3 = InetAddress.Parse("10.100.0.2");
    private static readonly InetAddress N4 = InetAddress.Parse("10.100.0.3");
    private readonly UserPlane _userPlane = new(new UserPlaneOptions { N3Address = N3 });
    private readonly TeidPool _pool = new(0x1000, 0x1FFF);
    private readonly PfcpSessionTable _sessions;
    private readonly string _pcap = Path.Combine(Path.GetTempPath(), $"pfcp-session-{Guid.NewGuid():N}.pcap");

    public PfcpSessionTableTests()
    {
        _sessions = new PfcpSessionTable(_userPlane, NodeId.FromAddress(N4), N4, N3, _pool);
    }

    public void Dispose()
    {
        _userPlane.Dispose();
        File.Delete(_pcap);
    }

    [Fact]
    public async Task An_smf_request_is_installed_answered_with_the_chosen_teid_and_forwards_gtp_u_sent_to_it()
    {
        var bytes = Convert.FromHexString(Assert.Single(await ExternalTool.RunScapyAsync("scapy_session.py")));
        PfcpMessageReader.TryReadHeader(bytes, out var header);
        Assert.True(SessionEstablishmentRequest.TryDecode(PfcpMessageReader.ReadIes(bytes, header), out var request, out _));

        var response = _sessions.Establish(request!);

        Assert.True(response.Cause == PfcpCause.RequestAccepted, $"{response.Cause} {response.FailedRule}");
        var created = Assert.Single(response.CreatedPdrs);
        Assert.Equal((ushort)1, created.PdrId);
        var teid = created.LocalFTeid.Teid;
        Assert.InRange(teid, 0x1000u, 0x1FFFu);
        Assert.Equal((InetAddress?)N3, created.LocalFTeid.IPv4);

        // The answer as an SMF (and tshark) reads it.
        var buffer = new byte[512];
        var length = response.Encode(buffer, request!.CpFSeid.Seid, header.SequenceNumber);
        using (var pcap = new PcapWriter(_pcap))
        {
            pcap.WriteUdp(0x0A640003, 0x0A640001, 8805, 8805, buffer.AsSpan(0, length));
        }

        Assert.Equal(string.Empty, await ExternalTool.ProblemsAsync(_pcap));
        var row = Assert.Single(await ExternalTool.DissectAsync(_pcap, ["pfcp.msg_type", "pfcp.seid", "pfcp.seqno", "pfcp.cause", "pfcp.f_seid.ipv4", "pfcp.pdr_id", "pfcp.f_teid.teid", "pfcp.f_teid.ipv4_addr"]));
        // pfcp.seid is both the header's SEID (the SMF's) and the one in our F-SEID.
        Assert.Equal(["51", $"0x1122334455667788,0x{response.UpFSeid!.Value.Seid:x16}", "42", "1", "10.100.0.3", "1", $"0x{teid:x8}", "10.100.0.2"], row);

        // GTP-U to the chosen TEID comes out on N6 when the SDF filter admits it: "to assigned 5000-5100" puts the
        // ports on the UE's side, which is the source of uplink packets (TS 29.244 §5.2.1A.2A).
        var batch = new PacketBatch(4);
        batch.Add(Gpdu(teid, Ipv4Packets.Udp(0x0A2D0007, 0x0A630101, 5050, 443)), InetAddress.Parse("10.200.0.2"), 2152);
        batch.Add(Gpdu(teid, Ipv4Packets.Udp(0x0A2D0007, 0x0A630101, 6000, 443)), InetAddress.Parse("10.200.0.2"), 2152); // a UE port outside the filter
        _userPlane.CreatePipeline().ProcessN3(batch, Stopwatch.GetTimestamp());
        Assert.Equal((PacketVerdict.ToN6, PacketVerdict.Drop, DropReason.NoMatchingPdr), (batch[0].Verdict, batch[1].Verdict, batch[1].DropReason));
    }

    [Fact]
    public async Task Deletion_returns_the_teids_and_answers_with_the_final_usage_report()
    {
        var bytes = Convert.FromHexString(Assert.Single(await ExternalTool.RunScapyAsync("scapy_session.py")));
        PfcpMessageReader.TryReadHeader(bytes, out var header);
        SessionEstablishmentRequest.TryDecode(PfcpMessageReader.ReadIes(bytes, header), out var request, out _);
        var established = _sessions.Establish(request!);
        var teid = established.CreatedPdrs[0].LocalFTeid.Teid;
        var batch = new PacketBatch(4);
        batch.Add(Gpdu(teid, Ipv4Packets.Udp(0x0A2D0007, 0x0A630101, 5050, 443)), InetAddress.Parse("10.200.0.2"), 2152);
        batch.Add(Gpdu(teid, Ipv4Packets.Udp(0x0A2D0007, 0x0A630101, 5051, 443)), InetAddress.Parse("10.200.0.2"), 2152);
        _userPlane.CreatePipeline().ProcessN3(batch, Stopwatch.GetTimestamp());

        var (response, cp) = _sessions.Delete(established.UpFSeid!.Value.Seid);

        Assert.Equal((PfcpCause.RequestAccepted, (ulong?)0x1122334455667788), (response.Cause, cp));
        Assert.Equal((0, 0, 0), (_pool.InUse, _sessions.Count, _userPlane.SessionCount));
        var buffer = new byte[512];
        var length = response.Encode(buffer, cp!.Value, 43);
        using (var pcap = new PcapWriter(_pcap))
        {
            pcap.WriteUdp(0x0A640003, 0x0A640001, 8805, 8805, buffer.AsSpan(0, length));
        }

        Assert.Equal(string.Empty, await ExternalTool.ProblemsAsync(_pcap));
        var row = Assert.Single(await ExternalTool.DissectAsync(_pcap, ["pfcp.msg_type", "pfcp.cause", "pfcp.urr_id", "pfcp.ur_seqn", "pfcp.usage_report_trigger.term",
            "pfcp.volume_measurement.tovol", "pfcp.volume_measurement.ulvol", "pfcp.volume_measurement.dlvol", "pfcp.volume_measurement.tonop"]));
        Assert.Equal(["55", "1", "1", "0", "1", "128", "128", "0", "2"], row);

        Assert.Equal(PfcpCause.SessionContextNotFound, _sessions.Delete(established.UpFSeid!.Value.Seid).Response.Cause);
    }

    [Fact]
    public void Pdrs_with_the_same_choose_id_share_a_teid()
    {
        var response = _sessions.Establish(Request(
            Pdr(1, FTeid.ChooseIPv4(chooseId: 7)), Pdr(2, FTeid.ChooseIPv4(chooseId: 7)), Pdr(3, FTeid.ChooseIPv4(chooseId: 8)), Pdr(4, FTeid.ChooseIPv4())));

        Assert.Equal(PfcpCause.RequestAccepted, response.Cause);
        var teids = response.CreatedPdrs.ToDictionary(c => c.PdrId, c => c.LocalFTeid.Teid);
        Assert.Equal(teids[1], teids[2]);
        Assert.Equal(3, teids.Values.Distinct().Count());
        Assert.Equal(3, _pool.InUse);
    }

    [Fact]
    public void A_rule_that_cannot_be_installed_is_named_and_its_teids_go_back()
    {
        var request = Request(Pdr(1, FTeid.ChooseIPv4(), farId: 99));

        var response = _sessions.Establish(request);

        Assert.Equal(PfcpCause.RuleCreationModificationFailure, response.Cause);
        Assert.Equal((RuleKind.Pdr, 1u), response.FailedRule);
        Assert.Equal(0, _pool.InUse);
        Assert.Equal(0, _userPlane.SessionCount);

        var buffer = new byte[256];
        var length = response.Encode(buffer, 5, 1);
        PfcpMessageReader.TryReadHeader(buffer.AsSpan(0, length), out var header);
        Assert.True(PfcpMessageReader.ReadIes(buffer, header).TryFind(PfcpIeType.FailedRuleId, out var failed));
        Assert.Equal("000001", Convert.ToHexString(failed.Value));
    }

    [Fact]
    public void A_used_up_pool_answers_no_resources_and_keeps_nothing()
    {
        var small = new PfcpSessionTable(_userPlane, NodeId.FromAddress(N4), N4, N3, new TeidPool(1, 1));
        Assert.Equal(PfcpCause.RequestAccepted, small.Establish(Request(Pdr(1, FTeid.ChooseIPv4()))).Cause);

        var response = small.Establish(Request(Pdr(1, FTeid.ChooseIPv4())));

        Assert.Equal(PfcpCause.NoResourcesAvailable, response.Cause);
        Assert.Equal(1, small.Count);
    }

    private static SessionEstablishmentRequest Request(params PdrRequest[] pdrs) =>
        new(NodeId.FromAddress(InetAddress.Parse("10.100.0.1")), new FSeid(77, InetAddress.Parse("10.100.0.1"), null))
        {
            Pdrs = pdrs,
            Fars = [new ForwardingActionRule { Id = 1, ApplyAction = ApplyAction.Forward, Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Core } }],
        };

    private static PdrRequest Pdr(ushort id, FTeid fteid, uint farId = 1) => new(
        new PacketDetectionRule { Id = id, Precedence = id, Pdi = new PacketDetectionInformation { SourceInterface = SourceInterface.Access }, FarId = farId },
        fteid);

    private static byte[] Gpdu(uint teid, byte[] inner)
    {
        var datagram = new byte[inner.Length + 16];
        Assert.True(GtpWriter.TryWriteGPdu(datagram, teid, inner, new PduSessionContainer(PduSessionInformationType.Uplink, 9), out var written));
        return datagram[..written];
    }
}
