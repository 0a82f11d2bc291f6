using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrecisionCloud.Tests.Rules;
using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Rules;
using PrecisionCloud.UserPlane.Sessions;

namespace PrecisionCloud.UserPlane.Tests.Sessions;

public sealed class EncodedRulesTests
{
    [Property(Arbitrary = [typeof(RuleArbitraries)], MaxTest = 2000)]
    public void Every_field_of_every_rule_survives_the_encoding(SessionRules rules)
    {
        var decoded = EncodedRules.Encode(rules).Decode(rules.Seid);

        Assert.Equal(RulesDescription.Of(rules), RulesDescription.Of(decoded));
    }

    [Property(Arbitrary = [typeof(RuleArbitraries)], MaxTest = 200)]
    public void Shared_objects_come_back_as_the_same_instances(SessionRules rules)
    {
        var decoded = EncodedRules.Encode(rules).Decode(rules.Seid);

        for (var i = 0; i < rules.Pdrs.Count; i++)
        {
            var (before, after) = (rules.Pdrs[i].Pdi, decoded.Pdrs[i].Pdi);
            Assert.True(before.SdfFilters.Count == 0 || ReferenceEquals(before.SdfFilters, after.SdfFilters), "the filter list is the one the session shares");
            Assert.Same(before.NetworkInstance, after.NetworkInstance);
        }
    }

    [Fact]
    public void The_simulators_session_takes_a_fraction_of_its_records()
    {
        var filters = new[] { FlowDescription.Parse("permit out ip from any to assigned") };
        var rules = new SessionRules
        {
            Seid = 1,
            Pdrs =
            [
                Pdr(1, SourceInterface.Access, teid: 0x1000, filters),
                Pdr(2, SourceInterface.Access, teid: 0x1000, []),
                Pdr(3, SourceInterface.Core, teid: null, filters),
                Pdr(4, SourceInterface.Core, teid: null, []),
            ],
            Fars =
            [
                new ForwardingActionRule { Id = 1, ApplyAction = ApplyAction.Forward, Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Core, NetworkInstance = "internet" } },
                new ForwardingActionRule
                {
                    Id = 2,
                    ApplyAction = ApplyAction.Forward,
                    Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Access, OuterHeaderCreation = new OuterHeaderCreation(0x2000, InetAddress.Parse("10.200.0.2")) },
                },
            ],
            Qers = [new QosEnforcementRule { Id = 1, UplinkMbrKbps = 100_000, DownlinkMbrKbps = 200_000, Qfi = 9 }],
            Urrs = [new UsageReportingRule { Id = 1, ReportingTriggers = ReportingTriggers.VolumeThreshold, VolumeThreshold = new VolumeLimit(TotalBytes: 1_000_000) }],
        };

        var encoded = EncodedRules.Encode(rules);

        Assert.InRange(encoded.Length, 60, 160);
        Assert.Equal(RulesDescription.Of(rules), RulesDescription.Of(encoded.Decode(1)));
    }

    private static PacketDetectionRule Pdr(ushort id, SourceInterface source, uint? teid, IReadOnlyList<FlowDescription> filters) => new()
    {
        Id = id,
        Precedence = 100u + id,
        FarId = source == SourceInterface.Access ? 1u : 2u,
        OuterHeaderRemoval = source == SourceInterface.Access ? OuterHeaderRemoval.GtpUUdpIPv4 : null,
        QerIds = [1],
        UrrIds = [1],
        Pdi = new PacketDetectionInformation
        {
            SourceInterface = source,
            LocalTeid = teid,
            LocalAddress = teid is null ? null : InetAddress.Parse("10.100.0.2"),
            NetworkInstance = "internet",
            UeIPv4Address = InetAddress.Parse("10.0.0.2"),
            SdfFilters = filters,
        },
    };

    public static class RuleArbitraries
    {
        private static readonly string[] NetworkInstances = ["internet", "mec", "ims"];
        private static readonly IReadOnlyList<FlowDescription>[] FilterLists =
        [
            [FlowDescription.Parse("permit out ip from any to assigned")],
            [FlowDescription.Parse("permit out 17 from 10.0.0.0/8 1000-2000 to assigned"), FlowDescription.Parse("permit out 6 from 2001:db8::/32 to assigned 443")],
        ];

        public static Arbitrary<SessionRules> Rules() => (
            from seid in ArbMap.Default.GeneratorFor<ulong>()
            from pdrs in Between(Pdrs(), 0, 6)
            from fars in Between(Fars(), 0, 4)
            from qers in Between(Qers(), 0, 3)
            from urrs in Between(Urrs(), 0, 3)
            from bars in Between(Bars(), 0, 2)
            select new SessionRules { Seid = seid, Pdrs = pdrs, Fars = fars, Qers = qers, Urrs = urrs, Bars = bars }).ToArbitrary();

        private static Gen<T[]> Between<T>(Gen<T> items, int least, int most) => Gen.Choose(least, most).SelectMany(count => Gen.ArrayOf(items, count));

        private static Gen<T?> Maybe<T>(Gen<T> value)
            where T : struct => Gen.OneOf(Gen.Constant<T?>(null), value.Select(v => (T?)v));

        private static Gen<T?> MaybeObject<T>(Gen<T> value)
            where T : class => Gen.OneOf(Gen.Constant<T?>(null), value.Select(v => (T?)v));

        private static Gen<InetAddress> Addresses() => Gen.OneOf(
            ArbMap.Default.GeneratorFor<uint>().Select(InetAddress.FromIPv4),
            Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 16).Select(bytes => InetAddress.TryRead(bytes, out var address) ? address : default));

        private static Gen<uint[]> Ids() => Between(ArbMap.Default.GeneratorFor<uint>(), 0, 3);

        private static Gen<PacketDetectionRule> Pdrs() =>
            from id in ArbMap.Default.GeneratorFor<ushort>()
            from precedence in ArbMap.Default.GeneratorFor<uint>()
            from far in ArbMap.Default.GeneratorFor<uint>()
            from removal in Maybe(Gen.Elements(Enum.GetValues<OuterHeaderRemoval>()))
            from qers in Ids()
            from urrs in Ids()
            from source in Gen.Elements(Enum.GetValues<SourceInterface>())
            from teid in Maybe(ArbMap.Default.GeneratorFor<uint>())
            from local in Maybe(Addresses())
            from ue4 in Maybe(ArbMap.Default.GeneratorFor<uint>().Select(InetAddress.FromIPv4))
            from ue6 in Maybe(Addresses())
            from prefix in Gen.Elements(64, 48, 128, 0)
            from qfi in Maybe(Gen.Choose(0, 63).Select(q => (byte)q))
            from ni in MaybeObject(Gen.Elements(NetworkInstances))
            from app in MaybeObject(Gen.Elements("video", "a-longer-application-identifier"))
            from filters in Gen.OneOf(Gen.Constant<IReadOnlyList<FlowDescription>>([]), Gen.Elements(FilterLists))
            select new PacketDetectionRule
            {
                Id = id,
                Precedence = precedence,
                FarId = far,
                OuterHeaderRemoval = removal,
                QerIds = qers,
                UrrIds = urrs,
                Pdi = new PacketDetectionInformation
                {
                    SourceInterface = source,
                    LocalTeid = teid,
                    LocalAddress = local,
                    UeIPv4Address = ue4,
                    UeIPv6Address = ue6,
                    UeIPv6PrefixLength = prefix,
                    Qfi = qfi,
                    NetworkInstance = ni,
                    ApplicationId = app,
                    SdfFilters = filters,
                },
            };

        private static Gen<ForwardingParameters> Forwarding() =>
            from destination in Gen.Elements(Enum.GetValues<DestinationInterface>())
            from ni in MaybeObject(Gen.Elements(NetworkInstances))
            from tunnel in MaybeObject(
                from teid in ArbMap.Default.GeneratorFor<uint>()
                from peer in Addresses()
                from port in ArbMap.Default.GeneratorFor<ushort>()
                select new OuterHeaderCreation(teid, peer, port))
            from marking in Maybe(ArbMap.Default.GeneratorFor<byte>())
            select new ForwardingParameters { DestinationInterface = destination, NetworkInstance = ni, OuterHeaderCreation = tunnel, TransportLevelMarking = marking };

        private static Gen<ForwardingActionRule> Fars() =>
            from id in ArbMap.Default.GeneratorFor<uint>()
            from action in ArbMap.Default.GeneratorFor<ushort>()
            from forwarding in MaybeObject(Forwarding())
            from duplicating in MaybeObject(Forwarding())
            from bar in Maybe(ArbMap.Default.GeneratorFor<byte>())
            select new ForwardingActionRule { Id = id, ApplyAction = (ApplyAction)action, Forwarding = forwarding, Duplicating = duplicating, BarId = bar };

        private static Gen<QosEnforcementRule> Qers() =>
            from id in ArbMap.Default.GeneratorFor<uint>()
            from gates in Gen.Choose(0, 3)
            from rates in Gen.ArrayOf(Maybe(ArbMap.Default.GeneratorFor<ulong>()), 4)
            from qfi in Maybe(Gen.Choose(0, 63).Select(q => (byte)q))
            from rqi in ArbMap.Default.GeneratorFor<bool>()
            select new QosEnforcementRule
            {
                Id = id,
                UplinkGateOpen = (gates & 1) == 0,
                DownlinkGateOpen = (gates & 2) == 0,
                UplinkMbrKbps = rates[0],
                DownlinkMbrKbps = rates[1],
                UplinkGbrKbps = rates[2],
                DownlinkGbrKbps = rates[3],
                Qfi = qfi,
                Rqi = rqi,
            };

        private static Gen<TimeSpan> Durations() => ArbMap.Default.GeneratorFor<long>().Select(TimeSpan.FromTicks);

        private static Gen<VolumeLimit> Volumes() =>
            from limits in Gen.ArrayOf(Maybe(ArbMap.Default.GeneratorFor<ulong>()), 3)
            select new VolumeLimit(limits[0], limits[1], limits[2]);

        private static Gen<UsageReportingRule> Urrs() =>
            from id in ArbMap.Default.GeneratorFor<uint>()
            from method in Gen.Choose(0, 7)
            from triggers in ArbMap.Default.GeneratorFor<ushort>()
            from durations in Gen.ArrayOf(Maybe(Durations()), 4)
            from threshold in MaybeObject(Volumes())
            from quota in MaybeObject(Volumes())
            select new UsageReportingRule
            {
                Id = id,
                MeasurementMethod = (MeasurementMethod)method,
                ReportingTriggers = (ReportingTriggers)triggers,
                MeasurementPeriod = durations[0],
                TimeThreshold = durations[1],
                TimeQuota = durations[2],
                InactivityDetectionTime = durations[3],
                VolumeThreshold = threshold,
                VolumeQuota = quota,
            };

        private static Gen<BufferingActionRule> Bars() =>
            from id in ArbMap.Default.GeneratorFor<byte>()
            from count in Maybe(ArbMap.Default.GeneratorFor<ushort>())
            select new BufferingActionRule { Id = id, SuggestedBufferingPacketsCount = count };
    }
}
