using System.Diagnostics;
using PrecisionCloud.Tests.Rules;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Pfcp.Sessions;
using PrecisionCloud.UserPlane.Pipeline;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.Sessions;

public sealed class PfcpSessionModificationTests : IDisposable
{
    private static readonly InetAddress N3 = InetAddress.Parse("10.100.0.2");
    private static readonly InetAddress N4 = InetAddress.Parse("10.100.0.3");
    private static readonly InetAddress OldGnb = InetAddress.Parse("10.200.0.2");
    private static readonly InetAddress NewGnb = InetAddress.Parse("10.200.0.9");
    private readonly UserPlane _userPlane = new(new UserPlaneOptions { N3Address = N3 });
    private readonly TeidPool _pool = new(0x1000, 0x1FFF);
    private readonly PfcpSessionTable _sessions;
    private readonly ulong _seid;

    public PfcpSessionModificationTests()
    {
        _userPlane.RegisterN6Port("internet");
        _sessions = new PfcpSessionTable(_userPlane, NodeId.FromAddress(N4), N4, N3, _pool);
        var established = _sessions.Establish(new SessionEstablishmentRequest(NodeId.FromAddress(InetAddress.Parse("10.100.0.1")), new FSeid(77, InetAddress.Parse("10.100.0.1"), null))
        {
            Pdrs =
            [
                new PdrRequest(new PacketDetectionRule { Id = 1, Precedence = 10, Pdi = new PacketDetectionInformation { SourceInterface = SourceInterface.Access }, FarId = 1, UrrIds = [1] },
                    FTeid.ChooseIPv4(chooseId: 5)),
                new PdrRequest(new PacketDetectionRule
                {
                    Id = 2, Precedence = 10, FarId = 2, QerIds = [1], UrrIds = [1],
                    Pdi = new PacketDetectionInformation { SourceInterface = SourceInterface.Core, UeIPv4Address = InetAddress.Parse("10.45.0.2") },
                }, null),
            ],
            Fars =
            [
                new ForwardingActionRule { Id = 1, ApplyAction = ApplyAction.Forward, Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Core } },
                new ForwardingActionRule
                {
                    Id = 2, ApplyAction = ApplyAction.Forward,
                    Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Access, OuterHeaderCreation = new OuterHeaderCreation(0xAAAA, OldGnb) },
                },
            ],
            Qers = [new QosEnforcementRule { Id = 1 }],
            Urrs = [new UsageReportingRule { Id = 1 }, new UsageReportingRule { Id = 2 }],
        });
        Assert.Equal(PfcpCause.RequestAccepted, established.Cause);
        _seid = established.UpFSeid!.Value.Seid;
    }

    public void Dispose() => _userPlane.Dispose();

    [Fact]
    public void A_path_switch_with_sndem_moves_downlink_to_the_new_gnb_and_asks_for_an_end_marker_on_the_old_path()
    {
        var (response, cp, change) = _sessions.Modify(_seid, new SessionModificationRequest
        {
            UpdateFars = [new FarUpdate(2) { Forwarding = new ForwardingParametersUpdate { OuterHeaderCreation = new OuterHeaderCreation(0xBBBB, NewGnb), SendEndMarkers = true } }],
        });

        Assert.Equal(PfcpCause.RequestAccepted, response.Cause);
        Assert.Equal(77ul, cp);
        Assert.Equal(new EndMarkerInstruction(0xAAAA, OldGnb, 2152), Assert.Single(change!.EndMarkers));
        var batch = new PacketBatch(1);
        batch.Add(Ipv4Packets.Udp("8.8.8.8", "10.45.0.2", 53, 1000));
        _userPlane.CreatePipeline().ProcessN6(batch, Stopwatch.GetTimestamp());
        Assert.Equal((PacketVerdict.ToTunnel, NewGnb), (batch[0].Verdict, batch[0].RemoteAddress));
    }

    [Fact]
    public void Without_sndem_the_path_switches_without_end_markers()
    {
        var (response, _, change) = _sessions.Modify(_seid, new SessionModificationRequest
        {
            UpdateFars = [new FarUpdate(2) { Forwarding = new ForwardingParametersUpdate { OuterHeaderCreation = new OuterHeaderCreation(0xBBBB, NewGnb) } }],
        });

        Assert.Equal(PfcpCause.RequestAccepted, response.Cause);
        Assert.Empty(change!.EndMarkers);
    }

    [Fact]
    public void Created_pdrs_choose_teids_sharing_choose_ids_with_earlier_messages_and_removed_pdrs_give_theirs_back()
    {
        var first = _userPlane.GetRules(_seid)!.Pdrs.Single(p => p.Id == 1).Pdi.LocalTeid;
        var (response, _, _) = _sessions.Modify(_seid, new SessionModificationRequest
        {
            CreatePdrs =
            [
                new PdrRequest(new PacketDetectionRule { Id = 3, Precedence = 5, Pdi = new PacketDetectionInformation { SourceInterface = SourceInterface.Access }, FarId = 1 }, FTeid.ChooseIPv4(chooseId: 5)),
                new PdrRequest(new PacketDetectionRule { Id = 4, Precedence = 5, Pdi = new PacketDetectionInformation { SourceInterface = SourceInterface.Access }, FarId = 1 }, FTeid.ChooseIPv4()),
            ],
        });

        Assert.Equal(PfcpCause.RequestAccepted, response.Cause);
        Assert.Equal(first, response.CreatedPdrs.Single(c => c.PdrId == 3).LocalFTeid.Teid);
        Assert.NotEqual(first, response.CreatedPdrs.Single(c => c.PdrId == 4).LocalFTeid.Teid);
        Assert.Equal(2, _pool.InUse);

        Assert.Equal(PfcpCause.RequestAccepted, _sessions.Modify(_seid, new SessionModificationRequest { RemovePdrs = [4] }).Response.Cause);
        Assert.Equal(1, _pool.InUse);
        Assert.Equal(PfcpCause.RequestAccepted, _sessions.Modify(_seid, new SessionModificationRequest { RemovePdrs = [1] }).Response.Cause);
        Assert.Equal(1, _pool.InUse); // PDR 3 still uses the shared TEID
    }

    [Fact]
    public void Query_urr_qaurr_and_removed_urrs_report_in_the_response()
    {
        var queried = _sessions.Modify(_seid, new SessionModificationRequest { QueryUrrs = [2] }).Response;
        Assert.Equal([2u], queried.UsageReports.Select(r => r.UrrId));

        var all = _sessions.Modify(_seid, new SessionModificationRequest { Flags = SessionModificationIndications.QueryAllUrrs }).Response;
        Assert.Equal([1u, 2u], all.UsageReports.Select(r => r.UrrId).Order());

        var removed = _sessions.Modify(_seid, new SessionModificationRequest { RemoveUrrs = [2] }).Response;
        var report = Assert.Single(removed.UsageReports);
        Assert.Equal((2u, Usage.UsageReportTriggers.TerminationReport), (report.UrrId, report.Trigger));

        var buffer = new byte[512];
        var length = removed.Encode(buffer, 77, 9);
        PfcpMessageReader.TryReadHeader(buffer.AsSpan(0, length), out var header);
        Assert.Equal((PfcpMessageType.SessionModificationResponse, 77ul), (header.MessageType, header.Seid));
        Assert.True(PfcpMessageReader.ReadIes(buffer.AsSpan(0, length), header).TryFind(PfcpIeType.UsageReportInModificationResponse, out _));
    }

    [Fact]
    public void Updates_change_only_what_they_carry()
    {
        var (response, _, _) = _sessions.Modify(_seid, new SessionModificationRequest
        {
            UpdateQers = [new QerUpdate(1) { DownlinkGateOpen = false }],
            UpdateUrrs = [new UrrUpdate(1) { VolumeThreshold = new VolumeLimit(1000, null, null), ReportingTriggers = ReportingTriggers.VolumeThreshold }],
            UpdatePdrs = [new PdrUpdate(2) { Precedence = 50 }],
        });

        Assert.Equal(PfcpCause.RequestAccepted, response.Cause);
        var rules = _userPlane.GetRules(_seid)!;
        Assert.Equal((true, false), (rules.Qers[0].UplinkGateOpen, rules.Qers[0].DownlinkGateOpen));
        var pdr = rules.Pdrs.Single(p => p.Id == 2);
        Assert.Equal((50u, 2u, "1"), (pdr.Precedence, pdr.FarId, string.Join(",", pdr.QerIds)));
        Assert.Equal(1000ul, rules.Urrs[0].VolumeThreshold!.TotalBytes);

        var batch = new PacketBatch(1);
        batch.Add(Ipv4Packets.Udp("8.8.8.8", "10.45.0.2", 53, 1000));
        _userPlane.CreatePipeline().ProcessN6(batch, Stopwatch.GetTimestamp());
        Assert.Equal(DropReason.GateClosed, batch[0].DropReason);
    }

    [Fact]
    public void A_modification_that_cannot_be_honoured_changes_nothing_and_names_the_rule()
    {
        var before = RulesDescription.Of(_userPlane.GetRules(_seid)!);

        var unknown = _sessions.Modify(_seid, new SessionModificationRequest { UpdateFars = [new FarUpdate(9) { ApplyAction = ApplyAction.Drop }] }).Response;
        var dangling = _sessions.Modify(_seid, new SessionModificationRequest
        {
            CreatePdrs = [new PdrRequest(new PacketDetectionRule { Id = 7, Precedence = 1, Pdi = new PacketDetectionInformation { SourceInterface = SourceInterface.Access }, FarId = 42 }, FTeid.ChooseIPv4())],
        }).Response;
        var removedFarStillUsed = _sessions.Modify(_seid, new SessionModificationRequest { RemoveFars = [1] }).Response;

        Assert.Equal((PfcpCause.RuleCreationModificationFailure, (RuleKind.Far, 9u)), (unknown.Cause, unknown.FailedRule!.Value));
        Assert.Equal((PfcpCause.RuleCreationModificationFailure, (RuleKind.Pdr, 7u)), (dangling.Cause, dangling.FailedRule!.Value));
        Assert.Equal((PfcpCause.RuleCreationModificationFailure, RuleKind.Pdr), (removedFarStillUsed.Cause, removedFarStillUsed.FailedRule!.Value.Kind));
        Assert.Equal(before, RulesDescription.Of(_userPlane.GetRules(_seid)!));
        Assert.Equal(1, _pool.InUse); // the TEID chosen for PDR 7 went back
        Assert.Equal(PfcpCause.SessionContextNotFound, _sessions.Modify(_seid + 100, new SessionModificationRequest()).Response.Cause);
    }

    [Fact]
    public void A_buffering_far_switched_to_forwarding_releases_its_packets_and_drobu_drops_them()
    {
        var buffering = new SessionModificationRequest { UpdateFars = [new FarUpdate(2) { ApplyAction = ApplyAction.Buffer | ApplyAction.NotifyCp }] };
        Assert.Equal(PfcpCause.RequestAccepted, _sessions.Modify(_seid, buffering).Response.Cause);
        var pipeline = _userPlane.CreatePipeline();
        var batch = new PacketBatch(2);
        batch.Add(Ipv4Packets.Udp("8.8.8.8", "10.45.0.2", 53, 1000));
        batch.Add(Ipv4Packets.Udp("8.8.8.8", "10.45.0.2", 53, 1001));
        pipeline.ProcessN6(batch, Stopwatch.GetTimestamp());

        var (_, _, released) = _sessions.Modify(_seid, new SessionModificationRequest { UpdateFars = [new FarUpdate(2) { ApplyAction = ApplyAction.Forward }] });
        Assert.Equal(2, released!.ReleasedPackets.Count);

        Assert.Equal(PfcpCause.RequestAccepted, _sessions.Modify(_seid, buffering).Response.Cause);
        batch.Clear();
        batch.Add(Ipv4Packets.Udp("8.8.8.8", "10.45.0.2", 53, 1002));
        pipeline.ProcessN6(batch, Stopwatch.GetTimestamp());
        var (_, _, dropped) = _sessions.Modify(_seid, new SessionModificationRequest
        {
            UpdateFars = [new FarUpdate(2) { ApplyAction = ApplyAction.Drop }],
            Flags = SessionModificationIndications.DropBufferedPackets,
        });
        Assert.Empty(dropped!.ReleasedPackets);
        Assert.Equal(0, _userPlane.DropBufferedPackets(_seid));
    }
}
