namespace PrecisionCloud.Mec.Platform.Tests.Infrastructure;

/// <summary>Request bodies as a MEC application would write them, by hand (not through the SDK's types).</summary>
internal static class Bodies
{
    public static string Service(string name, string state = "ACTIVE", string? category = null, int? livenessInterval = null)
    {
        var categoryField = category is null ? string.Empty : $"\"serCategory\": {{\"href\": \"http://catalogue/{category}\", \"id\": \"{category}\", \"name\": \"{category}\", \"version\": \"1\"}},";
        var liveness = livenessInterval is null ? string.Empty : $", \"livenessInterval\": {livenessInterval}";
        return $$"""
            {
              "serName": "{{name}}",
              {{categoryField}}
              "version": "3.1.1",
              "state": "{{state}}",
              "transportInfo": {
                "id": "rest-{{name}}", "name": "REST", "type": "REST_HTTP", "protocol": "HTTP", "version": "2.0",
                "endpoint": {"uris": ["http://192.0.2.10/{{name}}/v1"]},
                "security": {"oAuth2Info": {"grantTypes": ["OAUTH2_CLIENT_CREDENTIALS"], "tokenEndpoint": "http://192.0.2.10/token"} }
              },
              "serializer": "JSON"{{liveness}}
            }
            """;
    }

    public static string ServiceSubscription(string callback, string? filter = null)
    {
        var criteria = filter is null ? string.Empty : ", \"filteringCriteria\": " + filter;
        return $$"""{"subscriptionType": "SerAvailabilityNotificationSubscription", "callbackReference": "{{callback}}"{{criteria}}}""";
    }

    public static string Provisioning(string name, string trafficRules = "[]", string dnsRules = "[]") => $$"""
        {"appName": "{{name}}", "trafficRules": {{trafficRules}}, "dnsRules": {{dnsRules}}}
        """;

    public static string TrafficRule(string id, string state = "INACTIVE", string action = "FORWARD_DECAPSULATED") => $$"""
        {
          "trafficRuleId": "{{id}}", "filterType": "FLOW", "priority": 5,
          "trafficFilter": [{"dstAddress": ["192.0.2.10/32"], "dstPort": ["80"], "protocol": ["6"]}],
          "action": "{{action}}",
          "dstInterface": [{"interfaceType": "IP", "dstIpAddress": "192.0.2.10"}],
          "state": "{{state}}"
        }
        """;

    public static string DnsRule(string id, string name, string state = "INACTIVE") => $$"""
        {"dnsRuleId": "{{id}}", "domainName": "{{name}}", "ipAddressType": "IP_V4", "ipAddress": "192.0.2.10", "ttl": 30, "state": "{{state}}"}
        """;
}
