using System.Net;
using PrecisionCloud.Hosting.Mec;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Steering;

namespace PrecisionCloud.Hosting.Tests.Mec;

public sealed class TrafficRuleTranslatorTests
{
    private static readonly TrafficRule Breakout = new()
    {
        TrafficRuleId = "tr-1",
        FilterType = TrafficFilterType.Flow,
        Priority = 10,
        TrafficFilter = [new TrafficFilter { SrcAddress = ["10.45.0.0/16"], DstAddress = ["192.0.2.10", "192.0.2.128/25"], DstPort = ["80", "8000-8080"], Protocol = ["TCP", "17"] }],
        Action = TrafficRuleAction.ForwardDecapsulated,
        DstInterface = [new DestinationInterface { InterfaceType = InterfaceType.Ip, DstIpAddress = "192.0.2.10" }],
        State = RuleState.Active,
    };

    [Fact]
    public void A_breakout_rule_becomes_one_steering_rule_per_address_and_protocol_with_inverted_priority()
    {
        var steering = Translate(Breakout, out var refusal);

        Assert.Null(refusal);
        Assert.Equal(4, steering!.Count);
        Assert.All(steering, s => Assert.Equal((245, SteeringAction.ForwardDecapsulated, "mec"), (s.Priority, s.Action, s.NetworkInstance)));
        Assert.Equal(["app-1/tr-1/0", "app-1/tr-1/1", "app-1/tr-1/2", "app-1/tr-1/3"], steering.Select(s => s.Id));
        var first = steering[0].Filter;
        Assert.Equal((byte?)6, first.Protocol);
        Assert.Equal(AddressMatch.Prefix(InetAddress.Parse("10.45.0.0"), 16), first.Source);
        Assert.Equal(AddressMatch.Prefix(InetAddress.Parse("192.0.2.10"), 32), first.Destination);
        Assert.Equal([new PortRange(80, 80), new PortRange(8000, 8080)], first.DestinationPorts);
        Assert.Equal(AddressMatch.Prefix(InetAddress.Parse("192.0.2.128"), 25), steering[3].Filter.Destination);
        Assert.Equal((byte?)17, steering[3].Filter.Protocol);
    }

    [Fact]
    public void Drop_and_passthrough_need_no_interface_and_an_empty_filter_matches_everything()
    {
        var steering = Translate(Breakout with { Action = TrafficRuleAction.Drop, DstInterface = null, TrafficFilter = [new TrafficFilter()] }, out var refusal);

        Assert.Null(refusal);
        var rule = Assert.Single(steering!);
        Assert.Equal((SteeringAction.Drop, null, (byte?)null), (rule.Action, rule.NetworkInstance, rule.Filter.Protocol));
        Assert.Equal((AddressMatch.Any, AddressMatch.Any), (rule.Filter.Source, rule.Filter.Destination));
    }

    public static TheoryData<TrafficRule, string> Refused => new()
    {
        { Breakout with { Action = TrafficRuleAction.ForwardEncapsulated }, "action FORWARD_ENCAPSULATED" },
        { Breakout with { Action = TrafficRuleAction.DuplicateEncapsulated }, "action DUPLICATE_ENCAPSULATED" },
        { Breakout with { DstInterface = null }, "dstInterface: required" },
        { Breakout with { DstInterface = [new DestinationInterface { InterfaceType = InterfaceType.Tunnel, TunnelInfo = new TunnelInfo(TunnelType.GtpU, "198.51.100.1") }] }, "interfaceType TUNNEL" },
        { Breakout with { DstInterface = [new DestinationInterface { InterfaceType = InterfaceType.Ip, DstIpAddress = "203.0.113.9" }] }, "no N6 port of the user plane routes to it" },
        { Breakout with { TrafficFilter = [new TrafficFilter { Qci = 9 }] }, "trafficFilter[0].qCI" },
        { Breakout with { TrafficFilter = [new TrafficFilter(), new TrafficFilter { SrcTunnelAddress = ["192.168.10.1"] }] }, "trafficFilter[1].srcTunnelAddress" },
        { Breakout with { TrafficFilter = [new TrafficFilter { DstAddress = ["192.0.2.1-192.0.2.9"] }] }, "trafficFilter[0].dstAddress '192.0.2.1-192.0.2.9'" },
        { Breakout with { TrafficFilter = [new TrafficFilter { DstPort = ["http"] }] }, "trafficFilter[0].dstPort 'http'" },
        { Breakout with { TrafficFilter = [new TrafficFilter { Protocol = ["QUIC"] }] }, "trafficFilter[0].protocol 'QUIC'" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void What_the_user_plane_cannot_do_is_refused_by_name(TrafficRule rule, string reason)
    {
        Assert.Null(Translate(rule, out var refusal));
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    private static IReadOnlyList<SteeringRule>? Translate(TrafficRule rule, out string? refusal) =>
        TrafficRuleTranslator.Translate("app-1", rule, address => IPNetwork.Parse("192.0.2.0/24").Contains(address) ? "mec" : null, out refusal);
}
