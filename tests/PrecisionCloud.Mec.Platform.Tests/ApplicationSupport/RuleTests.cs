using System.Net;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;
using PrecisionCloud.Tests.Specifications;

namespace PrecisionCloud.Mec.Platform.Tests.ApplicationSupport;

public sealed class RuleTests : PlatformTest
{
    private const string Support = "/mec_app_support/v2";
    private const string Management = "/mec_platform_mgmt/v1";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var provisioned = await Platform.SendAsync(HttpMethod.Put, $"{Management}/app_instances/app-1", Bodies.Provisioning(
            "app",
            $"[{Bodies.TrafficRule("tr-1")}, {Bodies.TrafficRule("tr-dup", action: "DUPLICATE_ENCAPSULATED")}]",
            $"[{Bodies.DnsRule("dr-1", "app.edge.example")}]"));
        Assert.Equal(HttpStatusCode.Created, provisioned.Status);
    }

    [Fact]
    public async Task Rules_read_as_the_etsi_schema_with_etags()
    {
        var list = await Platform.GetAsync($"{Support}/applications/app-1/traffic_rules");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(2, list.Json!.AsArray().Count);
        foreach (var rule in list.Json.AsArray())
        {
            Assert.Empty(MecSpecifications.Mec011ApplicationSupport.Problems("TrafficRule", rule!.ToJsonString()));
        }

        var one = await Platform.GetAsync($"{Support}/applications/app-1/traffic_rules/tr-1");
        Assert.Equal("\"1\"", one.ETag);
        var dns = await Platform.GetAsync($"{Support}/applications/app-1/dns_rules/dr-1");
        Assert.Empty(MecSpecifications.Mec011ApplicationSupport.Problems("DnsRule", dns.Text));
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.GetAsync($"{Support}/applications/app-1/traffic_rules/nope")).Status);
    }

    [Fact]
    public async Task Activating_a_rule_puts_it_into_the_data_plane_and_deactivating_withdraws_it()
    {
        var one = await Platform.GetAsync($"{Support}/applications/app-1/traffic_rules/tr-1");

        var active = await Platform.SendAsync(HttpMethod.Put, $"{Support}/applications/app-1/traffic_rules/tr-1", Bodies.TrafficRule("tr-1", state: "ACTIVE"), r => r.Headers.IfMatch.ParseAdd(one.ETag!));
        Assert.Equal(HttpStatusCode.OK, active.Status);
        Assert.Empty(MecSpecifications.Mec011ApplicationSupport.Problems("TrafficRule", active.Text));
        Assert.Equal("\"2\"", active.ETag);
        Assert.Equal(RuleState.Active, Platform.Rules.Traffic["app-1/tr-1"].State);

        var inactive = await Platform.SendAsync(HttpMethod.Put, $"{Support}/applications/app-1/traffic_rules/tr-1", Bodies.TrafficRule("tr-1", state: "INACTIVE"));
        Assert.Equal(HttpStatusCode.OK, inactive.Status);
        Assert.Empty(Platform.Rules.Traffic);

        var dns = await Platform.SendAsync(HttpMethod.Put, $"{Support}/applications/app-1/dns_rules/dr-1", Bodies.DnsRule("dr-1", "app.edge.example", "ACTIVE"));
        Assert.Equal(HttpStatusCode.OK, dns.Status);
        Assert.Equal("192.0.2.10", Platform.Rules.Dns["app-1/dr-1"].IpAddress);
    }

    [Fact]
    public async Task A_stale_etag_gets_412_and_the_rule_stays()
    {
        var one = await Platform.GetAsync($"{Support}/applications/app-1/traffic_rules/tr-1");
        await Platform.SendAsync(HttpMethod.Put, $"{Support}/applications/app-1/traffic_rules/tr-1", Bodies.TrafficRule("tr-1", state: "ACTIVE"));

        var stale = await Platform.SendAsync(HttpMethod.Put, $"{Support}/applications/app-1/traffic_rules/tr-1", Bodies.TrafficRule("tr-1", state: "INACTIVE"), r => r.Headers.IfMatch.ParseAdd(one.ETag!));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Equal("ACTIVE", (await Platform.GetAsync($"{Support}/applications/app-1/traffic_rules/tr-1")).Json!["state"]!.GetValue<string>());
        Assert.Single(Platform.Rules.Traffic);
    }

    [Fact]
    public async Task Only_the_state_may_change_and_the_rule_id_must_match()
    {
        var other = await Platform.SendAsync(HttpMethod.Put, $"{Support}/applications/app-1/traffic_rules/tr-1", Bodies.TrafficRule("tr-1", state: "ACTIVE", action: "DROP"));
        Assert.Equal(HttpStatusCode.BadRequest, other.Status);
        Assert.Contains("only the state", other.Detail, StringComparison.Ordinal);

        var renamed = await Platform.SendAsync(HttpMethod.Put, $"{Support}/applications/app-1/traffic_rules/tr-1", Bodies.TrafficRule("tr-2", state: "ACTIVE"));
        Assert.Equal(HttpStatusCode.BadRequest, renamed.Status);
        Assert.Contains("trafficRuleId", renamed.Detail, StringComparison.Ordinal);

        var badState = await Platform.SendAsync(HttpMethod.Put, $"{Support}/applications/app-1/traffic_rules/tr-1", Bodies.TrafficRule("tr-1", state: "ON"));
        Assert.Equal(HttpStatusCode.BadRequest, badState.Status);
        Assert.Contains("$.state", badState.Detail, StringComparison.Ordinal);
        Assert.Empty(Platform.Rules.Traffic);
    }

    [Fact]
    public async Task A_rule_the_data_plane_cannot_honour_is_reported_not_dropped()
    {
        Platform.Rules.Unsupported.Add(TrafficRuleAction.DuplicateEncapsulated);

        var refused = await Platform.SendAsync(HttpMethod.Put, $"{Support}/applications/app-1/traffic_rules/tr-dup", Bodies.TrafficRule("tr-dup", state: "ACTIVE", action: "DUPLICATE_ENCAPSULATED"));

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("DuplicateEncapsulated is not supported", refused.Detail, StringComparison.Ordinal);
        Assert.Equal("INACTIVE", (await Platform.GetAsync($"{Support}/applications/app-1/traffic_rules/tr-dup")).Json!["state"]!.GetValue<string>());

        var reprovisioned = await Platform.SendAsync(HttpMethod.Put, $"{Management}/app_instances/app-1", Bodies.Provisioning(
            "app", $"[{Bodies.TrafficRule("tr-dup", state: "ACTIVE", action: "DUPLICATE_ENCAPSULATED")}]"));
        Assert.Equal(HttpStatusCode.OK, reprovisioned.Status);
        var report = Assert.Single(reprovisioned.Json!["refusedRules"]!.AsArray())!;
        Assert.Equal("tr-dup", report["ruleId"]!.GetValue<string>());
        Assert.Equal("INACTIVE", (await Platform.GetAsync($"{Support}/applications/app-1/traffic_rules/tr-dup")).Json!["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.GetAsync($"{Support}/applications/app-1/traffic_rules/tr-1")).Status);
    }

    [Fact]
    public async Task Active_rules_come_back_into_effect_after_a_restart()
    {
        await Platform.SendAsync(HttpMethod.Put, $"{Support}/applications/app-1/traffic_rules/tr-1", Bodies.TrafficRule("tr-1", state: "ACTIVE"));
        await Platform.SendAsync(HttpMethod.Put, $"{Support}/applications/app-1/dns_rules/dr-1", Bodies.DnsRule("dr-1", "app.edge.example", "ACTIVE"));

        await RestartAsync();

        Assert.Equal(RuleState.Active, Platform.Rules.Traffic["app-1/tr-1"].State);
        Assert.Equal("app.edge.example", Platform.Rules.Dns["app-1/dr-1"].DomainName);
        Assert.Equal("\"2\"", (await Platform.GetAsync($"{Support}/applications/app-1/traffic_rules/tr-1")).ETag);
    }

    [Theory]
    [InlineData("""{"appName": "a", "trafficRules": [{"trafficRuleId": "t", "filterType": "FLOW", "priority": 300, "trafficFilter": [{}], "action": "DROP", "state": "ACTIVE"}]}""", "trafficRules[0].priority")]
    [InlineData("""{"appName": "a", "trafficRules": [{"trafficRuleId": "t", "filterType": "FLOW", "priority": 1, "trafficFilter": [{}], "action": "FORWARD_DECAPSULATED", "state": "ACTIVE"}]}""", "trafficRules[0].dstInterface")]
    [InlineData("""{"appName": "a", "dnsRules": [{"dnsRuleId": "d", "domainName": "x.example", "ipAddressType": "IP_V6", "ipAddress": "192.0.2.1", "state": "ACTIVE"}]}""", "dnsRules[0].ipAddress")]
    [InlineData("""{"appName": "a", "dnsRules": [{"dnsRuleId": "d", "domainName": "x.example", "ipAddressType": "IP_V4", "ipAddress": "192.0.2.1", "state": "ACTIVE"}, {"dnsRuleId": "d", "domainName": "y.example", "ipAddressType": "IP_V4", "ipAddress": "192.0.2.1", "state": "ACTIVE"}]}""", "dnsRules[1].dnsRuleId")]
    public async Task A_bad_provisioning_gets_400_naming_the_rule_field_and_changes_nothing(string body, string field)
    {
        var answer = await Platform.SendAsync(HttpMethod.Put, $"{Management}/app_instances/app-1", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(field, answer.Detail, StringComparison.Ordinal);
        Assert.Equal(2, (await Platform.GetAsync($"{Support}/applications/app-1/traffic_rules")).Json!.AsArray().Count);
    }
}
