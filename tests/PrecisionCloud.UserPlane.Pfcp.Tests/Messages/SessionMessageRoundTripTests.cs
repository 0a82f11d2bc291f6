using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Pfcp.Sessions;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.Messages;

/// <summary>
/// Session requests written the way an SMF writes them read back to the same rules: decoding and encoding again gives
/// the same bytes, and the fields that matter compare equal.
/// </summary>
public sealed class SessionMessageRoundTripTests
{
    [Property(Arbitrary = [typeof(SessionArbitraries)], MaxTest = 300)]
    public void Establishment_requests_round_trip(SessionEstablishmentRequest request, uint sequence)
    {
        sequence &= PfcpHeader.MaxSequenceNumber;
        var bytes = Encode(b => request.Encode(b, sequence));
        Assert.Equal(PfcpDecodeStatus.Ok, PfcpMessageReader.TryReadHeader(bytes, out var header));
        Assert.True(SessionEstablishmentRequest.TryDecode(PfcpMessageReader.ReadIes(bytes, header), out var decoded, out var problem), $"{problem}");

        Assert.Equal(bytes, Encode(b => decoded!.Encode(b, sequence)));
        Assert.Equal((request.NodeId, request.CpFSeid, request.Dnn, request.Snssai, request.UserId), (decoded!.NodeId, decoded.CpFSeid, decoded.Dnn, decoded.Snssai, decoded.UserId));
        Assert.Equal(request.Fars.Select(f => (f.Id, f.ApplyAction, f.Forwarding?.OuterHeaderCreation, f.Forwarding?.NetworkInstance)),
            decoded.Fars.Select(f => (f.Id, f.ApplyAction, f.Forwarding?.OuterHeaderCreation, f.Forwarding?.NetworkInstance)));
        Assert.Equal(request.Qers, decoded.Qers);
        Assert.Equal(request.Urrs, decoded.Urrs);
        Assert.Equal(request.Pdrs.Select(p => (p.Rule.Id, p.Rule.Precedence, p.Rule.FarId, p.LocalFTeid, string.Join(";", p.Rule.Pdi.SdfFilters))),
            decoded.Pdrs.Select(p => (p.Rule.Id, p.Rule.Precedence, p.Rule.FarId, p.LocalFTeid, string.Join(";", p.Rule.Pdi.SdfFilters))));
    }

    [Property(Arbitrary = [typeof(SessionArbitraries)], MaxTest = 300)]
    public void Modification_requests_round_trip(SessionModificationRequest request, ulong seid, uint sequence)
    {
        sequence &= PfcpHeader.MaxSequenceNumber;
        var bytes = Encode(b => request.Encode(b, seid, sequence));
        Assert.Equal(PfcpDecodeStatus.Ok, PfcpMessageReader.TryReadHeader(bytes, out var header));
        Assert.Equal((PfcpMessageType.SessionModificationRequest, seid), (header.MessageType, header.Seid));
        Assert.True(SessionModificationRequest.TryDecode(PfcpMessageReader.ReadIes(bytes, header), out var decoded, out var problem), $"{problem}");

        Assert.Equal(bytes, Encode(b => decoded!.Encode(b, seid, sequence)));
        Assert.Equal((request.Flags, string.Join(",", request.RemovePdrs), string.Join(",", request.QueryUrrs)), (decoded!.Flags, string.Join(",", decoded.RemovePdrs), string.Join(",", decoded.QueryUrrs)));
        Assert.Equal(request.UpdateQers, decoded.UpdateQers);
        Assert.Equal(request.UpdateFars.Select(f => (f.Id, f.ApplyAction, f.Forwarding?.OuterHeaderCreation, f.Forwarding?.SendEndMarkers)),
            decoded.UpdateFars.Select(f => (f.Id, f.ApplyAction, f.Forwarding?.OuterHeaderCreation, f.Forwarding?.SendEndMarkers)));
    }

    [Property(Arbitrary = [typeof(SessionArbitraries)], MaxTest = 100)]
    public void Buffers_too_small_give_minus_one_and_never_throw(SessionEstablishmentRequest request, byte size)
    {
        var full = Encode(b => request.Encode(b, 1)).Length;
        var buffer = new byte[Math.Min(size, full - 1)];

        Assert.Equal(-1, request.Encode(buffer, 1));
    }

    private static byte[] Encode(Func<byte[], int> encode)
    {
        var buffer = new byte[8192];
        var length = encode(buffer);
        Assert.True(length > 0, "the message did not fit");
        return buffer[..length];
    }

    /// <summary>Rules of every kind, with the optional fields present or not.</summary>
    public static class SessionArbitraries
    {
        public static Arbitrary<SessionEstablishmentRequest> Establishments() => (
            from node in Gen.Elements(NodeId.FromAddress(InetAddress.Parse("10.0.0.1")), NodeId.FromFqdn("smf.core.example"))
            from seid in ArbMap.Default.GeneratorFor<ulong>()
            from pdrs in Between(Pdrs(), 1, 6)
            from fars in Between(Fars(), 1, 4)
            from qers in Between(Qers().Select(q => q.ApplyTo(new QosEnforcementRule { Id = q.Id })), 0, 3)
            from urrs in Between(Urrs(), 0, 3)
            from dnn in Gen.Elements(null, "internet", "ims.mnc001.mcc001.gprs")
            from slice in Gen.Elements<Snssai?>(null, new Snssai(1, null), new Snssai(2, 0xABCDEF))
            from user in Gen.Elements<UserId?>(null, new UserId("001010123456789", null, null, null), new UserId("00101012345678", "3569720300001234", "33612345678", "user@example"))
            select new SessionEstablishmentRequest(node, new FSeid(seid, InetAddress.Parse("10.0.0.1"), null))
            {
                Pdrs = pdrs,
                Fars = fars,
                Qers = qers,
                Urrs = urrs,
                Bars = [new BufferingActionRule { Id = 1, SuggestedBufferingPacketsCount = 10 }],
                PdnType = 1,
                Dnn = dnn,
                Snssai = slice,
                UserId = user,
            }).ToArbitrary();

        public static Arbitrary<SessionModificationRequest> Modifications() => (
            from removed in Between(ArbMap.Default.GeneratorFor<ushort>(), 0, 3)
            from created in Between(Pdrs(), 0, 2)
            from fars in Between(FarUpdates(), 0, 3)
            from qers in Between(Qers(), 0, 2)
            from urrs in Between(Gen.Constant(0).SelectMany(_ => Urrs()).Select(u => new UrrUpdate(u.Id) { VolumeQuota = u.VolumeQuota, ReportingTriggers = u.ReportingTriggers, MeasurementPeriod = u.MeasurementPeriod }), 0, 2)
            from queries in Between(ArbMap.Default.GeneratorFor<uint>(), 0, 2)
            from flags in Gen.Elements(SessionModificationIndications.None, SessionModificationIndications.QueryAllUrrs, SessionModificationIndications.DropBufferedPackets)
            select new SessionModificationRequest
            {
                RemovePdrs = removed,
                RemoveFars = [7],
                CreatePdrs = created,
                UpdateFars = fars,
                UpdateQers = qers,
                UpdateUrrs = urrs,
                UpdatePdrs = [new PdrUpdate(3) { Precedence = 9, UrrIds = [1, 2] }],
                QueryUrrs = queries,
                Flags = flags,
            }).ToArbitrary();

        private static Gen<T[]> Between<T>(Gen<T> items, int least, int most) => Gen.Choose(least, most).SelectMany(count => Gen.ArrayOf(items, count));

        private static Gen<PdrRequest> Pdrs() =>
            from id in ArbMap.Default.GeneratorFor<ushort>()
            from precedence in ArbMap.Default.GeneratorFor<uint>()
            from uplink in ArbMap.Default.GeneratorFor<bool>()
            from teid in ArbMap.Default.GeneratorFor<uint>()
            from choose in Gen.Elements<byte?>(null, 0, 5)
            from filter in Gen.Elements(null, "permit out 17 from any to assigned", "permit out ip from 10.0.0.0/8 to assigned 1000-2000", "permit out 6 from 192.0.2.1/32 80,443 to any")
            from qfi in Gen.Elements<byte?>(null, 1, 9)
            select new PdrRequest(
                new PacketDetectionRule
                {
                    Id = id,
                    Precedence = precedence,
                    FarId = 1,
                    QerIds = [1],
                    UrrIds = uplink ? [1] : [],
                    OuterHeaderRemoval = uplink ? OuterHeaderRemoval.GtpUUdpIPv4 : null,
                    Pdi = new PacketDetectionInformation
                    {
                        SourceInterface = uplink ? SourceInterface.Access : SourceInterface.Core,
                        NetworkInstance = "internet",
                        UeIPv4Address = InetAddress.Parse("10.45.0.9"),
                        SdfFilters = filter is null ? [] : [FlowDescription.Parse(filter)],
                        Qfi = qfi,
                    },
                },
                uplink ? (choose is { } chooseId ? FTeid.ChooseIPv4(chooseId == 0 ? null : chooseId) : new FTeid(teid, InetAddress.Parse("10.100.0.2"), null)) : null);

        private static Gen<ForwardingActionRule> Fars() =>
            from id in ArbMap.Default.GeneratorFor<uint>()
            from toAccess in ArbMap.Default.GeneratorFor<bool>()
            from teid in ArbMap.Default.GeneratorFor<uint>()
            from dscp in Gen.Elements<byte?>(null, 46)
            from action in Gen.Elements(ApplyAction.Forward, ApplyAction.Forward | ApplyAction.BufferedDownlinkPacketNotification)
            select new ForwardingActionRule
            {
                Id = id,
                ApplyAction = action,
                Forwarding = new ForwardingParameters
                {
                    DestinationInterface = toAccess ? DestinationInterface.Access : DestinationInterface.Core,
                    NetworkInstance = toAccess ? null : "internet",
                    OuterHeaderCreation = toAccess ? new OuterHeaderCreation(teid, InetAddress.Parse("10.200.0.2")) : null,
                    TransportLevelMarking = dscp,
                },
                BarId = toAccess ? (byte)1 : null,
            };

        private static Gen<FarUpdate> FarUpdates() =>
            from id in ArbMap.Default.GeneratorFor<uint>()
            from teid in ArbMap.Default.GeneratorFor<uint>()
            from sndem in ArbMap.Default.GeneratorFor<bool>()
            from action in Gen.Elements<ApplyAction?>(null, ApplyAction.Forward, ApplyAction.Buffer | ApplyAction.NotifyCp)
            select new FarUpdate(id)
            {
                ApplyAction = action,
                Forwarding = new ForwardingParametersUpdate { OuterHeaderCreation = new OuterHeaderCreation(teid, InetAddress.Parse("10.200.0.9")), SendEndMarkers = sndem },
            };

        private static Gen<QerUpdate> Qers() =>
            from id in ArbMap.Default.GeneratorFor<uint>()
            from up in ArbMap.Default.GeneratorFor<bool>()
            from down in ArbMap.Default.GeneratorFor<bool>()
            from mbr in Gen.Elements<(ulong, ulong)?>(null, (100_000, 200_000), (0xFF_FFFF_FFFF, 1))
            from qfi in Gen.Elements<byte?>(null, 5)
            select new QerUpdate(id) { UplinkGateOpen = up, DownlinkGateOpen = down, Mbr = mbr, Gbr = mbr, Qfi = qfi, Rqi = qfi is null ? null : true };

        private static Gen<UsageReportingRule> Urrs() =>
            from id in ArbMap.Default.GeneratorFor<uint>()
            from threshold in Gen.Elements<VolumeLimit?>(null, new VolumeLimit(1000, null, null), new VolumeLimit(1, 2, 3))
            from period in Gen.Elements<TimeSpan?>(null, TimeSpan.FromSeconds(60))
            select new UsageReportingRule
            {
                Id = id,
                MeasurementMethod = MeasurementMethod.Volume | MeasurementMethod.Duration,
                ReportingTriggers = (threshold is null ? 0 : ReportingTriggers.VolumeThreshold) | (period is null ? 0 : ReportingTriggers.PeriodicReporting),
                VolumeThreshold = threshold,
                VolumeQuota = threshold,
                MeasurementPeriod = period,
                TimeThreshold = period,
            };
    }
}
