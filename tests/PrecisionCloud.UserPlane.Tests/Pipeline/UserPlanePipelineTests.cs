using System.Buffers.Binary;
using System.Diagnostics;
using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Gtp;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pipeline;
using PrecisionCloud.UserPlane.Rules;
using PrecisionCloud.UserPlane.Steering;
using PrecisionCloud.UserPlane.Usage;
using static PrecisionCloud.UserPlane.Tests.TestPackets;

namespace PrecisionCloud.UserPlane.Tests.Pipeline;

public sealed class UserPlanePipelineTests : IDisposable
{
    private readonly UserPlane _userPlane = new(new UserPlaneOptions { N3Address = Upf });
    private readonly UserPlanePipeline _pipeline;
    private readonly PacketBatch _batch = new(capacity: 64);

    public UserPlanePipelineTests()
    {
        _pipeline = _userPlane.CreatePipeline();
    }

    public void Dispose() => _userPlane.Dispose();

    [Fact]
    public void Uplink_is_decapsulated_onto_n6_and_downlink_is_tunnelled_to_the_gnb_with_qfi()
    {
        _userPlane.Establish(Session(1, 0x100, "10.45.0.2", 0x200));
        var inner = Udp("10.45.0.2", "8.8.8.8", 40000, 53);

        var index = _batch.Add(Gpdu(0x100, inner), Gnb, 2152);
        _pipeline.ProcessN3(_batch, Stopwatch.GetTimestamp());

        Assert.Equal(PacketVerdict.ToN6, _batch[index].Verdict);
        Assert.Equal(0, _batch[index].EgressPort);
        Assert.Equal(inner, _batch.PacketBytes(index).ToArray());

        _batch.Clear();
        var reply = Udp("8.8.8.8", "10.45.0.2", 53, 40000);
        index = _batch.Add(reply);
        _pipeline.ProcessN6(_batch, Stopwatch.GetTimestamp());

        ref var packet = ref _batch[index];
        Assert.Equal(PacketVerdict.ToTunnel, packet.Verdict);
        Assert.Equal((Gnb, (ushort)2152), (packet.RemoteAddress, packet.RemotePort));
        var frame = _batch.PacketBytes(index);
        Assert.Equal(20 + 8 + 16 + reply.Length, frame.Length); // the 44 octets of outer headers with the PDU Session Container
        Assert.Equal(0, Ipv4Checksum.Compute(frame[..20])); // a valid header sums to zero
        Assert.Equal(2152, BinaryPrimitives.ReadUInt16BigEndian(frame[22..]));
        Assert.Equal(DropReason.None, GtpReader.TryRead(_batch.Buffer.AsSpan(packet.TunnelOffset, packet.Length - 28), out var gtp));
        Assert.Equal((0x200u, true, new PduSessionContainer(PduSessionInformationType.Downlink, 9)), (gtp.Teid, gtp.HasPduSessionContainer, gtp.PduSessionContainer));
        Assert.Equal(reply, _batch.Buffer.AsSpan(packet.TunnelOffset + gtp.PayloadOffset, gtp.PayloadLength).ToArray());

        var statistics = _userPlane.GetStatistics();
        Assert.Equal((1L, 1L, 1L, 1L), (statistics.UplinkPdrHits, statistics.DownlinkPdrHits, statistics.N6SentPackets, statistics.N3SentPackets));
    }

    [Fact]
    public void Unknown_teid_is_answered_with_an_error_indication_and_counted()
    {
        var index = _batch.Add(Gpdu(0xDEAD, Udp("10.45.0.9", "8.8.8.8", 1, 2)), Gnb, 40000);

        _pipeline.ProcessN3(_batch, Stopwatch.GetTimestamp());

        ref var packet = ref _batch[index];
        Assert.Equal(PacketVerdict.Reply, packet.Verdict);
        Assert.Equal((Gnb, (ushort)2152), (packet.RemoteAddress, packet.RemotePort));
        Assert.Equal(DropReason.None, GtpReader.TryRead(_batch.PacketBytes(index), out var gtp));
        Assert.Equal((GtpMessageType.ErrorIndication, true, (ushort)40000), (gtp.MessageType, gtp.HasUdpPort, gtp.UdpPort));
        Assert.Equal(DropReason.None, GtpSignalling.TryReadErrorIndication(_batch.PacketBytes(index)[gtp.PayloadOffset..], out var teid, out var peer));
        Assert.Equal((0xDEADu, Upf), (teid, peer));
        Assert.Equal(1, _userPlane.GetStatistics().Drops[DropReason.UnknownTeid]);
    }

    [Fact]
    public void Error_indications_are_rate_limited()
    {
        using var userPlane = new UserPlane(new UserPlaneOptions { N3Address = Upf, ErrorIndicationsPerSecond = 3 });
        var pipeline = userPlane.CreatePipeline();
        for (var i = 0; i < 10; i++)
        {
            _batch.Add(Gpdu(0xDEAD, Udp("10.45.0.9", "8.8.8.8", 1, 2)), Gnb, 2152);
        }

        pipeline.ProcessN3(_batch, Stopwatch.GetTimestamp());

        Assert.Equal(3, _batch.Packets.ToArray().Count(p => p.Verdict == PacketVerdict.Reply));
        Assert.Equal(10, userPlane.GetStatistics().Drops[DropReason.UnknownTeid]);
    }

    [Fact]
    public void Echo_request_is_answered_in_the_path()
    {
        var request = new byte[12];
        GtpWriter.TryWriteEchoRequest(request, 4242, out _);
        var index = _batch.Add(request, Gnb, 2152);

        _pipeline.ProcessN3(_batch, Stopwatch.GetTimestamp());

        Assert.Equal(PacketVerdict.Reply, _batch[index].Verdict);
        Assert.Equal(DropReason.None, GtpReader.TryRead(_batch.PacketBytes(index), out var response));
        Assert.Equal((GtpMessageType.EchoResponse, (ushort)4242), (response.MessageType, response.SequenceNumber));
    }

    [Fact]
    public void Unknown_mandatory_extension_header_gets_a_supported_extension_headers_notification()
    {
        var datagram = Convert.FromHexString("34FF00080000010000000084" + "01AABB00");
        var index = _batch.Add(datagram, Gnb, 2152);

        _pipeline.ProcessN3(_batch, Stopwatch.GetTimestamp());

        Assert.Equal(PacketVerdict.Reply, _batch[index].Verdict);
        Assert.Equal(DropReason.None, GtpReader.TryRead(_batch.PacketBytes(index), out var notification));
        Assert.Equal(GtpMessageType.SupportedExtensionHeadersNotification, notification.MessageType);
    }

    [Fact]
    public void Closed_gate_and_exceeded_rate_drop_with_their_reasons()
    {
        _userPlane.Establish(Session(1, 0x100, "10.45.0.2", 0x200, qer: new QosEnforcementRule { Id = 1, Qfi = 9, UplinkGateOpen = false, DownlinkMbrKbps = 64 }));
        _batch.Add(Gpdu(0x100, Udp("10.45.0.2", "8.8.8.8", 1, 2)), Gnb, 2152);
        _pipeline.ProcessN3(_batch, Stopwatch.GetTimestamp());
        Assert.Equal(DropReason.GateClosed, _batch[0].DropReason);

        // 64 kbit/s with a 100 ms burst lets 1600 bytes through at once: the first 25 64-byte packets.
        _batch.Clear();
        for (var i = 0; i < 60; i++)
        {
            _batch.Add(Udp("8.8.8.8", "10.45.0.2", 53, 1000));
        }

        _pipeline.ProcessN6(_batch, Stopwatch.GetTimestamp());
        var verdicts = _batch.Packets.ToArray();
        Assert.Equal(25, verdicts.Count(p => p.Verdict == PacketVerdict.ToTunnel));
        Assert.All(verdicts.Skip(25), p => Assert.Equal(DropReason.RateExceeded, p.DropReason));
    }

    [Fact]
    public async Task Volume_threshold_raises_an_event_and_quota_stops_forwarding()
    {
        var urr = new UsageReportingRule
        {
            Id = 1,
            ReportingTriggers = ReportingTriggers.VolumeThreshold | ReportingTriggers.VolumeQuota,
            VolumeThreshold = new VolumeLimit(TotalBytes: 640),
            VolumeQuota = new VolumeLimit(TotalBytes: 1280),
        };
        _userPlane.Establish(Session(7, 0x100, "10.45.0.2", 0x200, urr));
        for (var i = 0; i < 30; i++)
        {
            _batch.Add(Gpdu(0x100, Udp("10.45.0.2", "8.8.8.8", 1, 2)), Gnb, 2152);
        }

        _pipeline.ProcessN3(_batch, Stopwatch.GetTimestamp());

        var verdicts = _batch.Packets.ToArray();
        Assert.Equal(20, verdicts.Count(p => p.Verdict == PacketVerdict.ToN6));
        Assert.All(verdicts.Skip(20), p => Assert.Equal(DropReason.QuotaExhausted, p.DropReason));
        var first = await _userPlane.Events.ReadAsync();
        Assert.Equal((UserPlaneEventKind.UsageReportDue, 7UL, 1U, UsageReportTriggers.VolumeThreshold), (first.Kind, first.Seid, first.RuleId, first.Triggers));
        var second = await _userPlane.Events.ReadAsync();
        Assert.Equal(UsageReportTriggers.VolumeQuota, second.Triggers);

        var report = _userPlane.CollectReport(first.Seid, first.RuleId);
        Assert.NotNull(report);
        Assert.Equal(UsageReportTriggers.VolumeThreshold | UsageReportTriggers.VolumeQuota, report.Trigger);
        Assert.Null(_userPlane.CollectReport(second.Seid, second.RuleId)); // already reported together
        Assert.Empty(_userPlane.CollectDueReports());
        Assert.Equal((1280UL, 20UL, 0UL), (report.UplinkBytes, report.UplinkPackets, report.DownlinkBytes));

        var final = Assert.Single(_userPlane.Delete(7));
        Assert.Equal((UsageReportTriggers.TerminationReport, 0UL, 1U), (final.Trigger, final.TotalBytes, final.Sequence));
    }

    [Fact]
    public async Task Periodic_reports_come_due_with_the_volume_of_the_period()
    {
        var urr = new UsageReportingRule { Id = 4, ReportingTriggers = ReportingTriggers.PeriodicReporting, MeasurementPeriod = TimeSpan.FromMilliseconds(50) };
        _userPlane.Establish(Session(9, 0x100, "10.45.0.2", 0x200, urr with { Id = 1 }));
        for (var i = 0; i < 5; i++)
        {
            _batch.Add(Udp("8.8.8.8", "10.45.0.2", 53, 1000));
        }

        _pipeline.ProcessN6(_batch, Stopwatch.GetTimestamp());
        Assert.Empty(_userPlane.CollectDueReports());
        await Task.Delay(80);

        var report = Assert.Single(_userPlane.CollectDueReports());
        Assert.Equal((UsageReportTriggers.PeriodicReporting, 320UL, 5UL, 0U), (report.Trigger, report.DownlinkBytes, report.DownlinkPackets, report.Sequence));
        Assert.True(report.EndTime - report.StartTime >= TimeSpan.FromMilliseconds(50));
        Assert.Empty(_userPlane.CollectDueReports()); // the next period has only begun
    }

    [Fact]
    public void Path_switch_returns_an_end_marker_for_the_old_peer()
    {
        _userPlane.Establish(Session(1, 0x100, "10.45.0.2", 0x200));
        var newGnb = InetAddress.Parse("192.168.10.7");
        var moved = Session(1, 0x100, "10.45.0.2", 0x200, downlinkFar: new ForwardingActionRule
        {
            Id = 2,
            ApplyAction = ApplyAction.Forward,
            Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Access, OuterHeaderCreation = new OuterHeaderCreation(0x300, newGnb) },
        });

        var change = _userPlane.Modify(moved);

        Assert.Equal([new EndMarkerInstruction(0x200, Gnb, 2152)], change.EndMarkers);
        _batch.Add(Udp("8.8.8.8", "10.45.0.2", 53, 1000));
        _pipeline.ProcessN6(_batch, Stopwatch.GetTimestamp());
        Assert.Equal(newGnb, _batch[0].RemoteAddress);
    }

    [Fact]
    public async Task Buffered_downlink_raises_downlink_data_once_and_is_released_when_the_far_forwards()
    {
        var buffering = new ForwardingActionRule { Id = 2, ApplyAction = ApplyAction.Buffer | ApplyAction.NotifyCp };
        _userPlane.Establish(Session(3, 0x100, "10.45.0.2", 0x200, downlinkFar: buffering));
        for (var i = 0; i < 3; i++)
        {
            _batch.Add(Udp("8.8.8.8", "10.45.0.2", 53, (ushort)(1000 + i)));
        }

        _pipeline.ProcessN6(_batch, Stopwatch.GetTimestamp());

        Assert.All(_batch.Packets.ToArray(), p => Assert.Equal(PacketVerdict.Buffered, p.Verdict));
        var notice = await _userPlane.Events.ReadAsync();
        Assert.Equal((UserPlaneEventKind.DownlinkData, 3UL, 2U), (notice.Kind, notice.Seid, notice.RuleId));
        Assert.False(_userPlane.Events.TryRead(out _));

        var change = _userPlane.Modify(Session(3, 0x100, "10.45.0.2", 0x200));

        Assert.Equal(3, change.ReleasedPackets.Count);
        Assert.Equal(1001, BinaryPrimitives.ReadUInt16BigEndian(change.ReleasedPackets[1].AsSpan(22)));
    }

    [Fact]
    public void Steering_rule_breaks_out_matching_uplink_to_the_local_port()
    {
        var mec = _userPlane.RegisterN6Port("mec");
        _userPlane.Establish(Session(1, 0x100, "10.45.0.2", 0x200));
        var problems = _userPlane.SetSteeringRules(
        [
            new SteeringRule
            {
                Id = "edge-app-1",
                Priority = 1,
                Filter = new PacketFilter(null, AddressMatch.Any, [], AddressMatch.Prefix(InetAddress.Parse("10.10.0.0"), 16), []),
                NetworkInstance = "mec",
            },
        ]);
        Assert.Empty(problems);

        _batch.Add(Gpdu(0x100, Udp("10.45.0.2", "10.10.3.4", 1000, 80)), Gnb, 2152);
        _batch.Add(Gpdu(0x100, Udp("10.45.0.2", "8.8.8.8", 1000, 53)), Gnb, 2152);
        _pipeline.ProcessN3(_batch, Stopwatch.GetTimestamp());

        Assert.Equal((PacketVerdict.ToN6, mec), (_batch[0].Verdict, _batch[0].EgressPort));
        Assert.Equal((PacketVerdict.ToN6, 0), (_batch[1].Verdict, _batch[1].EgressPort));
        Assert.Equal(1, _userPlane.GetStatistics().SteeringHits);
    }

    [Fact]
    public void Steering_to_an_unknown_port_is_reported_not_installed()
    {
        var problems = _userPlane.SetSteeringRules([new SteeringRule { Id = "x", Priority = 1, Filter = PacketFilter.All, NetworkInstance = "nowhere" }]);

        Assert.Contains("no N6 port serves network instance 'nowhere'", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_rule_sets_are_refused_with_the_failed_rule_and_nothing_changes()
    {
        _userPlane.Establish(Session(1, 0x100, "10.45.0.2", 0x200));
        var broken = Session(1, 0x100, "10.45.0.2", 0x200) with { Fars = [] };

        var error = Assert.Throws<SessionRulesException>(() => _userPlane.Modify(broken));

        Assert.Contains(error.Problems, p => p is { Kind: RuleKind.Pdr, RuleId: 1 } && p.Message.Contains("FAR 1", StringComparison.Ordinal));
        var conflict = Assert.Throws<SessionRulesException>(() => _userPlane.Establish(Session(2, 0x100, "10.45.0.3", 0x201)));
        Assert.Contains(conflict.Problems, p => p.Message == "TEID 256 belongs to session 1");
        _batch.Add(Gpdu(0x100, Udp("10.45.0.2", "8.8.8.8", 1, 2)), Gnb, 2152);
        _pipeline.ProcessN3(_batch, Stopwatch.GetTimestamp());
        Assert.Equal(PacketVerdict.ToN6, _batch[0].Verdict);
    }

    [Fact]
    public void Uplink_sdf_filter_applies_swapped_and_qfi_must_match()
    {
        _userPlane.Establish(Session(1, 0x100, "10.45.0.2", 0x200, uplinkFilter: "permit out 17 from 8.8.8.8 53 to assigned"));
        _batch.Add(Gpdu(0x100, Udp("10.45.0.2", "8.8.8.8", 40000, 53)), Gnb, 2152);
        _batch.Add(Gpdu(0x100, Udp("10.45.0.2", "8.8.4.4", 40000, 53)), Gnb, 2152);

        _pipeline.ProcessN3(_batch, Stopwatch.GetTimestamp());

        Assert.Equal(PacketVerdict.ToN6, _batch[0].Verdict);
        Assert.Equal(DropReason.NoMatchingPdr, _batch[1].DropReason);
    }

    [Fact]
    public void Deleted_sessions_stop_matching()
    {
        _userPlane.Establish(Session(1, 0x100, "10.45.0.2", 0x200));
        _userPlane.Delete(1);
        _batch.Add(Udp("8.8.8.8", "10.45.0.2", 53, 1000));

        _pipeline.ProcessN6(_batch, Stopwatch.GetTimestamp());

        Assert.Equal(DropReason.UnknownUeAddress, _batch[0].DropReason);
        Assert.Equal(0, _userPlane.SessionCount);
    }

    [Fact]
    public void Processing_allocates_nothing_per_packet()
    {
        _userPlane.Establish(Session(1, 0x100, "10.45.0.2", 0x200));
        var uplink = new PacketBatch(64);
        var downlink = new PacketBatch(64);
        for (var i = 0; i < 64; i++)
        {
            uplink.Add(Gpdu(0x100, Udp("10.45.0.2", "8.8.8.8", (ushort)(1000 + i), 53)), Gnb, 2152);
            downlink.Add(Udp("8.8.8.8", "10.45.0.2", 53, (ushort)(1000 + i)));
        }

        var uplinkLengths = uplink.Packets.ToArray().Select(p => p.Length).ToArray();
        var downlinkLengths = downlink.Packets.ToArray().Select(p => p.Length).ToArray();
        void Run()
        {
            uplink.Rewind(uplinkLengths);
            downlink.Rewind(downlinkLengths);
            _pipeline.ProcessN3(uplink, Stopwatch.GetTimestamp());
            _pipeline.ProcessN6(downlink, Stopwatch.GetTimestamp());
        }

        for (var i = 0; i < 100; i++)
        {
            Run();
        }

        // The runtime may allocate once on this thread while it promotes the methods to their optimised tier
        // (type loads, on-stack replacement of this loop). A per-packet allocation would show in every round of
        // 128,000 packets; a one-time one shows in one round only, so a round must come out at zero.
        var rounds = new List<long>();
        for (var round = 0; round < 5 && (rounds.Count == 0 || rounds[^1] != 0); round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                Run();
            }

            rounds.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.True(rounds[^1] == 0, $"bytes allocated per round of 128,000 packets: {string.Join(", ", rounds)}");
        Assert.Equal(PacketVerdict.ToTunnel, downlink[63].Verdict);
        Assert.Equal(PacketVerdict.ToN6, uplink[63].Verdict);
    }
    [Fact]
    public void Every_qer_of_a_pdr_gates_and_polices_and_every_urr_counts()
    {
        // A session-wide QER (an AMBR-like 64 kbit/s) and a flow QER (the QFI, 128 kbit/s); two URRs.
        var rules = Session(3, 0x300, "10.45.0.3", 0x600);
        rules = rules with
        {
            Pdrs = [.. rules.Pdrs.Select(p => p with { QerIds = [1, 2], UrrIds = [1, 2] })],
            Qers = [new QosEnforcementRule { Id = 1, DownlinkMbrKbps = 64 }, new QosEnforcementRule { Id = 2, Qfi = 5, DownlinkMbrKbps = 128 }],
            Urrs = [new UsageReportingRule { Id = 1 }, new UsageReportingRule { Id = 2 }],
        };
        _userPlane.Establish(rules);
        for (var i = 0; i < 60; i++)
        {
            _batch.Add(Udp("8.8.8.8", "10.45.0.3", 53, 1000));
        }

        _pipeline.ProcessN6(_batch, Stopwatch.GetTimestamp());

        // The tighter policer (64 kbit/s, 1600 bytes of burst) decides; the marking comes from the QER that has a QFI.
        var verdicts = _batch.Packets.ToArray();
        Assert.Equal(25, verdicts.Count(p => p.Verdict == PacketVerdict.ToTunnel));
        Assert.All(verdicts.Skip(25), p => Assert.Equal(DropReason.RateExceeded, p.DropReason));
        Assert.Equal(DropReason.None, GtpReader.TryRead(_batch.Buffer.AsSpan(_batch[0].TunnelOffset, _batch[0].Length - 28), out var gtp));
        Assert.Equal((byte)5, gtp.PduSessionContainer.Qfi);
        var reports = _userPlane.Query(3);
        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.Equal((25UL, 25UL * 64), (r.DownlinkPackets, r.DownlinkBytes)));

        // One closed gate among the QERs closes the PDR.
        _userPlane.Modify(rules with { Qers = [rules.Qers[0], rules.Qers[1] with { DownlinkGateOpen = false }] });
        _batch.Clear();
        _batch.Add(Udp("8.8.8.8", "10.45.0.3", 53, 1000));
        _pipeline.ProcessN6(_batch, Stopwatch.GetTimestamp());
        Assert.Equal(DropReason.GateClosed, _batch[0].DropReason);
    }

    [Fact]
    public void A_batch_gets_the_verdicts_its_packets_get_one_by_one()
    {
        // More packets than the look-ahead group, across sessions, with unknown TEIDs, signalling and broken datagrams
        // in between: looking the sessions up ahead of processing must not change a single verdict.
        for (var s = 0; s < 5; s++)
        {
            _userPlane.Establish(Session((ulong)s + 1, 0x100 + (uint)s, $"10.45.0.{s + 2}", 0x200 + (uint)s));
        }

        var echo = new byte[12];
        GtpWriter.TryWriteEchoRequest(echo, 7, out _);
        var random = new Random(29281);
        var datagrams = Enumerable.Range(0, 64).Select(i => (i % 9) switch
        {
            0 => echo,
            1 => Gpdu(0xBAD0 + (uint)i, Udp("10.45.0.2", "8.8.8.8", 1, 2)),
            2 => Gpdu(0x100, Udp("10.45.0.2", "8.8.8.8", 1, 2))[..6],
            3 => Gpdu(0x101, Udp("10.45.0.9", "8.8.8.8", 1, 2)), // the TEID's session, another UE: no PDR matches
            _ => Gpdu(0x100 + (uint)random.Next(5), Udp($"10.45.0.{random.Next(2, 7)}", "8.8.8.8", 1, 2)),
        }).ToArray();

        var expected = datagrams.Select(d =>
        {
            var single = new PacketBatch(capacity: 1);
            single.Add(d, Gnb, 2152);
            _pipeline.ProcessN3(single, Stopwatch.GetTimestamp());
            return (single[0].Verdict, single[0].DropReason, single.PacketBytes(0).ToArray());
        }).ToArray();
        foreach (var datagram in datagrams)
        {
            _batch.Add(datagram, Gnb, 2152);
        }

        _pipeline.ProcessN3(_batch, Stopwatch.GetTimestamp());

        Assert.Equal(expected.Select(e => (e.Verdict, e.DropReason)), _batch.Packets.ToArray().Select(p => (p.Verdict, p.DropReason)));
        Assert.Contains(expected, e => e.Verdict == PacketVerdict.ToN6);
        Assert.Contains(expected, e => e.DropReason == DropReason.NoMatchingPdr);
        for (var i = 0; i < datagrams.Length; i++)
        {
            if (expected[i].Verdict == PacketVerdict.ToN6)
            {
                Assert.Equal(expected[i].Item3, _batch.PacketBytes(i).ToArray());
            }
        }
    }
}
