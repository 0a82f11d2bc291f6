using System.Text.Json;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.ServiceManagement;
using PrecisionCloud.Tests.Specifications;

namespace PrecisionCloud.Mec.Tests.ApplicationSupport;

public sealed class ApplicationSupportTypesTests
{
    private static readonly TrafficRule Breakout = new()
    {
        TrafficRuleId = "tr-1",
        FilterType = TrafficFilterType.Flow,
        Priority = 10,
        TrafficFilter = [new TrafficFilter { DstAddress = ["10.60.0.0/16"], DstPort = ["80", "8000-8080"], Protocol = ["6"], Qci = 9, Dscp = 46, TrafficClass = 3 }],
        Action = TrafficRuleAction.ForwardDecapsulated,
        DstInterface = [new DestinationInterface { InterfaceType = InterfaceType.Ip, DstIpAddress = "192.0.2.10" }, new DestinationInterface { InterfaceType = InterfaceType.Tunnel, TunnelInfo = new TunnelInfo(TunnelType.GtpU, "198.51.100.1") }],
        State = RuleState.Inactive,
    };

    public static TheoryData<string, string> EveryType => new()
    {
        { "TrafficRule", MecJson.Serialize(Breakout) },
        { "DnsRule", MecJson.Serialize(new DnsRule { DnsRuleId = "dr-1", DomainName = "app.edge.example", IpAddressType = IpAddressType.IpV4, IpAddress = "192.0.2.10", Ttl = 30, State = RuleState.Active }) },
        { "AppInfo", MecJson.Serialize(new AppInfo
            {
                AppName = "video-cache", AppProvider = "acme", AppInstanceId = "app-1", IsInsByMec = false,
                Endpoint = new EndPointInfo { Addresses = [new EndPointAddress("192.0.2.10", 8443)] },
                AppServiceRequired = [new ServiceDependency { SerName = "location", Version = "3.1.1" }],
                AppFeatureOptional = [new FeatureDependency("UEIdentity", "1.0")],
            }) },
        { "AppReadyConfirmation", MecJson.Serialize(new AppReadyConfirmation(ReadyIndication.Ready)) },
        { "AppTerminationConfirmation", MecJson.Serialize(new AppTerminationConfirmation(OperationAction.Stopping)) },
        { "AppTerminationNotification", MecJson.Serialize(new AppTerminationNotification { OperationAction = OperationAction.Terminating, MaxGracefulTimeout = 10, Links = new AppTerminationNotificationLinks(new LinkType("http://mep/s/1"), new LinkType("http://mep/confirm")) }) },
        { "AppTerminationNotificationSubscription", MecJson.Serialize(new AppTerminationNotificationSubscription { CallbackReference = "http://app/cb", AppInstanceId = "app-1", Links = new SelfLinks(new LinkType("http://mep/s/1")) }) },
        { "TimingCaps", MecJson.Serialize(new TimingCaps
            {
                TimeStamp = TimeStamp.From(DateTimeOffset.UnixEpoch.AddSeconds(1.5)),
                NtpServers = [new NtpServer { NtpServerAddrType = NtpServerAddressType.DnsName, NtpServerAddr = "ntp.example", MinPollingInterval = 4, MaxPollingInterval = 10, LocalPriority = 1, AuthenticationOption = NtpAuthenticationOption.None }],
                PtpMasters = [new PtpMaster("192.0.2.1", 1, 16)],
            }) },
        { "TimingCaps", "{}" },
        { "CurrentTime", MecJson.Serialize(new CurrentTime(1_700_000_000, 5, TimeSourceStatus.NonTraceable)) },
        { "SubscriptionLinkList", MecJson.Serialize(new SubscriptionLinkList(new SubscriptionLinkListLinks(new LinkType("http://mep/subs"), [new SubscriptionLink("http://mep/subs/1", AppTerminationNotificationSubscription.Type)]))) },
    };

    [Theory]
    [MemberData(nameof(EveryType))]
    public void Every_type_validates_against_the_etsi_schema(string schema, string json)
    {
        Assert.Empty(MecSpecifications.Mec011ApplicationSupport.Problems(schema, json));
    }

    [Fact]
    public void A_traffic_rule_reads_back_equal_with_the_specification_names()
    {
        var json = MecJson.Serialize(Breakout);

        Assert.Contains("\"qCI\":9,\"dSCP\":46,\"tC\":3", json, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"FORWARD_DECAPSULATED\"", json, StringComparison.Ordinal);
        Assert.Contains("\"tunnelType\":\"GTP_U\"", json, StringComparison.Ordinal);
        Assert.Equal(json, MecJson.Serialize(MecJson.Deserialize<TrafficRule>(json)));
    }

    [Fact]
    public void A_time_stamp_splits_a_moment_into_seconds_and_nanoseconds()
    {
        var stamp = TimeStamp.From(DateTimeOffset.UnixEpoch.AddTicks(12_345_678_901));

        Assert.Equal(new TimeStamp(1234, 567_890_100), stamp);
    }

    [Theory]
    [InlineData("""{"trafficRuleId":"t","filterType":"FLOW","priority":1,"trafficFilter":[],"action":"EXPLODE","state":"ACTIVE"}""", "$.action")]
    [InlineData("""{"trafficRuleId":"t","filterType":"FLOW","priority":"high","trafficFilter":[],"action":"DROP","state":"ACTIVE"}""", "$.priority")]
    public void A_wrong_value_is_refused_naming_its_path(string json, string path)
    {
        var error = Assert.Throws<JsonException>(() => MecJson.Deserialize<TrafficRule>(json));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void A_missing_mandatory_field_is_refused_naming_it()
    {
        var error = Assert.Throws<JsonException>(() => MecJson.Deserialize<TrafficRule>("""{"trafficRuleId":"t","filterType":"FLOW","priority":1,"trafficFilter":[],"action":"DROP"}"""));

        Assert.Contains("state", error.Message, StringComparison.Ordinal);
    }
}
