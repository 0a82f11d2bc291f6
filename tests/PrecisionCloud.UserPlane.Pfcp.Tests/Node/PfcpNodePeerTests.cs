using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using PrecisionCloud.Tests.Oracles;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Pfcp.Node;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.Node;

/// <summary>What the node sends by itself: reports and heartbeats, sent again per T1/N1, and what follows when a peer restarts, fails or leaves.</summary>
public sealed class PfcpNodePeerTests : IDisposable
{
    private static readonly IPEndPoint Smf = new(IPAddress.Parse("127.0.0.7"), 8805);
    private readonly UserPlane _userPlane = new(new UserPlaneOptions { N3Address = InetAddress.Parse("127.0.0.1") });
    private readonly FakeTimeProvider _time = new();
    private readonly PfcpNode _node;
    private readonly string _pcap = Path.Combine(Path.GetTempPath(), $"pfcp-report-{Guid.NewGuid():N}.pcap");

    public PfcpNodePeerTests()
    {
        _userPlane.RegisterN6Port("internet");
        _node = new PfcpNode(_userPlane, new PfcpNodeOptions { HeartbeatInterval = TimeSpan.FromSeconds(10) }, DateTimeOffset.UtcNow, time: _time);
    }

    public void Dispose()
    {
        _userPlane.Dispose();
        File.Delete(_pcap);
    }

    [Fact]
    public async Task A_session_report_goes_to_the_smf_with_its_seid_and_is_sent_again_every_t1_until_answered_or_n1_is_spent()
    {
        Associate(recovery: 100);
        var seid = Establish(cpSeid: 0x77);

        _node.OnUsageReports(_userPlane.Query(seid));
        _node.OnDownlinkData(seid, 2);
        var sent = _node.Poll();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Equal(Smf, s.Destination));
        Assert.Equal((PfcpMessageType.SessionReportRequest, 0x77ul), Header(sent[0].Datagram) is var h ? (h.MessageType, h.Seid) : default);

        using (var pcap = new PcapWriter(_pcap))
        {
            foreach (var (datagram, _) in sent)
            {
                pcap.WriteUdp(0x7F000001, 0x7F000007, 8805, 8805, datagram);
            }
        }

        Assert.Equal(string.Empty, await ExternalTool.ProblemsAsync(_pcap));
        var rows = await ExternalTool.DissectAsync(_pcap, ["pfcp.msg_type", "pfcp.seid", "pfcp.report_type.usar", "pfcp.report_type.dldr", "pfcp.urr_id", "pfcp.pdr_id"]);
        Assert.Equal(["56", "0x0000000000000077", "1", "0", "1", ""], rows[0]);
        Assert.Equal(["56", "0x0000000000000077", "0", "1", "", "2"], rows[1]);

        // The SMF answers the first; the second is sent again after T1, three times, then given up.
        Assert.Null(_node.Handle(SessionReportResponse(Header(sent[0].Datagram).SequenceNumber), Smf));
        Assert.Empty(_node.Poll());
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(3));
            Assert.Equal(sent[1].Datagram, Assert.Single(_node.Poll()).Datagram);
        }

        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.DoesNotContain(_node.Poll(), s => Header(s.Datagram).MessageType == PfcpMessageType.SessionReportRequest); // a heartbeat is due by now
        Assert.Equal((3, 1), (_node.Retransmissions, _node.RequestsTimedOut));
    }

    [Fact]
    public async Task A_failed_and_a_recovered_gtp_u_path_are_reported_to_every_associated_smf()
    {
        Associate(recovery: 100);

        _node.OnGtpPathFailure(InetAddress.Parse("10.200.0.2"));
        _node.OnGtpPathRecovery(InetAddress.Parse("2001:db8::2"));
        var sent = _node.Poll();

        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Equal((PfcpMessageType.NodeReportRequest, Smf), (Header(s.Datagram).MessageType, s.Destination)));
        using (var pcap = new PcapWriter(_pcap))
        {
            foreach (var (datagram, _) in sent)
            {
                pcap.WriteUdp(0x7F000001, 0x7F000007, 8805, 8805, datagram);
            }
        }

        Assert.Equal(string.Empty, await ExternalTool.ProblemsAsync(_pcap));
        var rows = await ExternalTool.DissectAsync(_pcap, ["pfcp.msg_type", "pfcp.node_report_type.upfr", "pfcp.node_report_type.uprr", "pfcp.remote_gtp_u_peer_flags.v4", "pfcp.remote_gtp_u_peer_flags.v6"]);
        Assert.Equal(["12", "1", "0", "1", "0"], rows[0]);
        Assert.Equal(["12", "0", "1", "0", "1"], rows[1]);

        // Answered: not sent again.
        foreach (var (datagram, _) in sent)
        {
            Assert.Null(_node.Handle(Encode(b => new AssociationResponse(PfcpMessageType.NodeReportResponse, NodeId.FromAddress(InetAddress.Parse("127.0.0.7")), PfcpCause.RequestAccepted).Encode(b, Header(datagram).SequenceNumber)), Smf));
        }

        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.DoesNotContain(_node.Poll(), s => Header(s.Datagram).MessageType == PfcpMessageType.NodeReportRequest);
    }

    [Fact]
    public void The_user_plane_starts_the_association_with_a_configured_smf_and_tries_again_when_refused()
    {
        var options = new PfcpNodeOptions { HeartbeatInterval = TimeSpan.FromSeconds(10) };
        options.CpNodes.Add("127.0.0.7:8805");
        var node = new PfcpNode(_userPlane, options, DateTimeOffset.UtcNow, time: _time);

        var first = Assert.Single(node.Poll());
        Assert.Equal((PfcpMessageType.AssociationSetupRequest, Smf), (Header(first.Datagram).MessageType, first.Destination));
        Assert.True(AssociationSetupRequest.TryDecode(PfcpMessageReader.ReadIes(first.Datagram, Header(first.Datagram)), out var request, out _));
        Assert.Equal(PfcpNode.Features, request!.UpFunctionFeatures);

        // Refused: tried again a heartbeat interval later, not before.
        var smf = NodeId.FromAddress(InetAddress.Parse("127.0.0.7"));
        Assert.Null(node.Handle(Encode(b => new AssociationSetupResponse(smf, PfcpCause.RequestRejected, 100).Encode(b, Header(first.Datagram).SequenceNumber)), Smf));
        Assert.Empty(node.Poll());
        _time.Advance(TimeSpan.FromSeconds(10));
        var second = Assert.Single(node.Poll());

        // Accepted: associated, so the SMF's sessions are taken.
        Assert.Null(node.Handle(Encode(b => new AssociationSetupResponse(smf, PfcpCause.RequestAccepted, 100).Encode(b, Header(second.Datagram).SequenceNumber)), Smf));
        Assert.Equal(smf, Assert.Single(node.Associations));
        Assert.Equal(PfcpCause.RequestAccepted, Cause(node.Handle(EstablishmentRequest(1), Smf)!));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(node.Poll());
    }

    [Fact]
    public void An_answer_from_another_address_does_not_settle_a_request()
    {
        Associate(recovery: 100);
        var seid = Establish(cpSeid: 5);
        _node.OnDownlinkData(seid, 1);
        var report = Assert.Single(_node.Poll());

        Assert.Null(_node.Handle(SessionReportResponse(Header(report.Datagram).SequenceNumber), new IPEndPoint(IPAddress.Parse("127.0.0.99"), 8805)));
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(report.Datagram, Assert.Single(_node.Poll()).Datagram); // still pending: sent again
        Assert.Null(_node.Handle(SessionReportResponse(Header(report.Datagram).SequenceNumber), Smf));
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Empty(_node.Poll());
    }

    [Fact]
    public void A_silent_peer_fails_after_its_heartbeats_go_unanswered_and_its_sessions_stay_until_it_restarts()
    {
        Associate(recovery: 100);
        Establish(cpSeid: 1);
        _time.Advance(TimeSpan.FromSeconds(10));

        var heartbeat = Assert.Single(_node.Poll());
        Assert.Equal(PfcpMessageType.HeartbeatRequest, Header(heartbeat.Datagram).MessageType);
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(3));
            _node.Poll();
        }

        Assert.Empty(_node.Associations);
        Assert.Equal(1, _node.SessionCount); // kept by default: traffic goes on
        Assert.Equal(PfcpCause.NoEstablishedPfcpAssociation, EstablishCause(cpSeid: 2));

        Associate(recovery: 100); // back with the same start time: it still has its sessions
        Assert.Equal(1, _node.SessionCount);
        Associate(recovery: 200); // a restart: its sessions are gone on its side, and here too
        Assert.Equal((0, 0, 1L), (_node.SessionCount, _userPlane.SessionCount, _node.SessionsPurged));
    }

    [Fact]
    public void An_answered_heartbeat_keeps_the_association_and_a_new_recovery_time_stamp_in_it_purges_the_sessions()
    {
        Associate(recovery: 100);
        Establish(cpSeid: 1);
        _time.Advance(TimeSpan.FromSeconds(10));
        var heartbeat = Assert.Single(_node.Poll());

        Assert.Null(_node.Handle(HeartbeatResponse(Header(heartbeat.Datagram).SequenceNumber, recovery: 100), Smf));
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(_node.Poll());
        Assert.Single(_node.Associations);
        Assert.Equal(1, _node.SessionCount);

        // The SMF's own heartbeat shows it restarted.
        var answer = _node.Handle(Encode(b => new HeartbeatRequest(300).Encode(b, 77)), Smf);
        Assert.Equal(PfcpMessageType.HeartbeatResponse, Header(answer!).MessageType);
        Assert.Equal(0, _node.SessionCount);
    }

    [Fact]
    public void Association_release_takes_the_sessions_and_association_update_is_accepted()
    {
        Associate(recovery: 100);
        Establish(cpSeid: 1);
        var smf = NodeId.FromAddress(InetAddress.Parse("127.0.0.7"));

        var update = _node.Handle(Encode(b => NodeOnly(b, PfcpMessageType.AssociationUpdateRequest, smf, 5)), Smf)!;
        var release = _node.Handle(Encode(b => NodeOnly(b, PfcpMessageType.AssociationReleaseRequest, smf, 6)), Smf)!;
        var again = _node.Handle(Encode(b => NodeOnly(b, PfcpMessageType.AssociationReleaseRequest, smf, 7)), Smf)!;

        Assert.Equal((PfcpMessageType.AssociationUpdateResponse, PfcpCause.RequestAccepted), (Header(update).MessageType, Cause(update)));
        Assert.Equal((PfcpMessageType.AssociationReleaseResponse, PfcpCause.RequestAccepted), (Header(release).MessageType, Cause(release)));
        Assert.Equal(PfcpCause.NoEstablishedPfcpAssociation, Cause(again));
        Assert.Equal((0, 0), (_node.SessionCount, _userPlane.SessionCount));
        Assert.Empty(_node.Associations);
    }

    [Fact]
    public void Instruments_count_requests_refusals_retransmissions_and_peer_events()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var node = new PfcpNode(_userPlane, new PfcpNodeOptions(), DateTimeOffset.UtcNow, time: _time, meterFactory: meters);
        Assert.Equal(PfcpCause.NoEstablishedPfcpAssociation, Cause(node.Handle(EstablishmentRequest(1), Smf)!));
        node.Handle(Encode(b => new AssociationSetupRequest(NodeId.FromAddress(InetAddress.Parse("127.0.0.7")), 100).Encode(b, 1)), Smf);
        Assert.Equal(PfcpCause.RequestAccepted, Cause(node.Handle(EstablishmentRequest(2), Smf)!));
        node.Handle(Encode(b => new HeartbeatRequest(200).Encode(b, 9)), Smf); // the SMF restarted

        using var requests = new MetricCollector<long>(meters, PfcpNode.MeterName, "precisioncloud.pfcp.requests");
        using var refusals = new MetricCollector<long>(meters, PfcpNode.MeterName, "precisioncloud.pfcp.refusals");
        using var peers = new MetricCollector<long>(meters, PfcpNode.MeterName, "precisioncloud.pfcp.peer_events");
        using var purged = new MetricCollector<long>(meters, PfcpNode.MeterName, "precisioncloud.pfcp.sessions_purged");
        foreach (var collector in (MetricCollector<long>[])[requests, refusals, peers, purged])
        {
            collector.RecordObservableInstruments();
        }

        Assert.Contains(requests.GetMeasurementSnapshot(), m => m.Value == 2 && Equals(m.Tags["message_type"], "SessionEstablishmentRequest"));
        Assert.Contains(requests.GetMeasurementSnapshot(), m => m.Value == 1 && Equals(m.Tags["message_type"], "HeartbeatRequest"));
        Assert.Contains(refusals.GetMeasurementSnapshot(), m => m.Value == 1 && Equals(m.Tags["cause"], "NoEstablishedPfcpAssociation"));
        Assert.Contains(peers.GetMeasurementSnapshot(), m => m.Value == 1 && Equals(m.Tags["event"], "restart"));
        Assert.Equal(1, purged.LastMeasurement?.Value);
    }

    private void Associate(uint recovery)
    {
        var request = Encode(b => new AssociationSetupRequest(NodeId.FromAddress(InetAddress.Parse("127.0.0.7")), recovery).Encode(b, 1000 + recovery));
        Assert.Equal(PfcpCause.RequestAccepted, Cause(_node.Handle(request, Smf)!));
    }

    private ulong Establish(ulong cpSeid)
    {
        var answer = _node.Handle(EstablishmentRequest(cpSeid), Smf)!;
        Assert.Equal(PfcpCause.RequestAccepted, Cause(answer));
        var header = Header(answer);
        Assert.True(PfcpMessageReader.ReadIes(answer, header).TryFind(PfcpIeType.FSeid, out var fseid));
        Assert.True(FSeid.TryRead(fseid.Value, out var up));
        return up.Seid;
    }

    private PfcpCause EstablishCause(ulong cpSeid) => Cause(_node.Handle(EstablishmentRequest(cpSeid), Smf)!);

    /// <summary>One uplink PDR on an SMF-chosen TEID and a FAR to N6; each session its own TEID.</summary>
    private static byte[] EstablishmentRequest(ulong cpSeid) => Encode(b =>
    {
        var writer = new PfcpWriter(b);
        writer.BeginMessage(PfcpMessageType.SessionEstablishmentRequest, (uint)(2000 + cpSeid), seid: 0);
        NodeId.FromAddress(InetAddress.Parse("127.0.0.7")).Write(ref writer);
        new FSeid(cpSeid, InetAddress.Parse("127.0.0.7"), null).Write(ref writer);
        var pdr = writer.BeginGroup(PfcpIeType.CreatePdr);
        writer.WriteIe(PfcpIeType.PdrId, (ushort)1);
        writer.WriteIe(PfcpIeType.Precedence, 10u);
        var pdi = writer.BeginGroup(PfcpIeType.Pdi);
        writer.WriteIe(PfcpIeType.SourceInterface, (byte)0);
        new FTeid(0x100 + (uint)cpSeid, InetAddress.Parse("127.0.0.1"), null).Write(ref writer);
        writer.EndGroup(pdi);
        writer.WriteIe(PfcpIeType.FarId, 1u);
        writer.EndGroup(pdr);
        var far = writer.BeginGroup(PfcpIeType.CreateFar);
        writer.WriteIe(PfcpIeType.FarId, 1u);
        writer.WriteIe(PfcpIeType.ApplyAction, (byte)0x02);
        var forwarding = writer.BeginGroup(PfcpIeType.ForwardingParameters);
        writer.WriteIe(PfcpIeType.DestinationInterface, (byte)1);
        writer.EndGroup(forwarding);
        writer.EndGroup(far);
        var urr = writer.BeginGroup(PfcpIeType.CreateUrr);
        writer.WriteIe(PfcpIeType.UrrId, 1u);
        writer.WriteIe(PfcpIeType.MeasurementMethod, (byte)0x02);
        writer.WriteIe(PfcpIeType.ReportingTriggers, (ushort)0);
        writer.EndGroup(urr);
        return writer.EndMessage();
    });

    private static byte[] SessionReportResponse(uint sequence) => Encode(b =>
    {
        var writer = new PfcpWriter(b);
        writer.BeginMessage(PfcpMessageType.SessionReportResponse, sequence, seid: 1);
        writer.WriteIe(PfcpIeType.Cause, (byte)PfcpCause.RequestAccepted);
        return writer.EndMessage();
    });

    private static byte[] HeartbeatResponse(uint sequence, uint recovery) => Encode(b => new HeartbeatResponse(recovery).Encode(b, sequence));

    private static int NodeOnly(Span<byte> buffer, PfcpMessageType type, NodeId node, uint sequence)
    {
        var writer = new PfcpWriter(buffer);
        writer.BeginMessage(type, sequence);
        node.Write(ref writer);
        return writer.EndMessage();
    }

    private static byte[] Encode(Func<byte[], int> encode)
    {
        var buffer = new byte[1024];
        return buffer[..encode(buffer)];
    }

    private static PfcpHeader Header(byte[] datagram)
    {
        Assert.Equal(PfcpDecodeStatus.Ok, PfcpMessageReader.TryReadHeader(datagram, out var header));
        return header;
    }

    private static PfcpCause Cause(byte[] datagram)
    {
        Assert.True(PfcpMessageReader.ReadIes(datagram, Header(datagram)).TryFind(PfcpIeType.Cause, out var cause));
        return (PfcpCause)cause.Value[0];
    }
}
