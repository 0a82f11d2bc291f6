namespace PrecisionCloud.Tests.Specifications;

/// <summary>The ETSI OpenAPI files with their known defects fixed, each fix naming the GS clause that says what is right.</summary>
internal static class MecSpecifications
{
    private const string GrantTypes =
        """{"type":"array","minItems":1,"maxItems":4,"items":{"type":"string","enum":["OAUTH2_AUTHORIZATION_CODE","OAUTH2_IMPLICIT_GRANT","OAUTH2_RESOURCE_OWNER","OAUTH2_CLIENT_CREDENTIALS"]}}""";

    private const string GrantTypesWhy = "GS MEC 011 clause 8.1.5.4: a list of 1 to 4 grant types; the file has the placeholder SEE_DESCRIPTION";

    private static readonly Lazy<OpenApiSchemas> Mec011ServiceManagementSchemas = new(() => OpenApiSchemas.Load("MEC011_MecServiceMgmtApi_v3.1.1.yaml")
        .Fix("OAuth2Info/properties/grantTypes", GrantTypes, GrantTypesWhy)
        .Fix("SerInstanceId", """{"type":"string"}""", "GS MEC 011 clause 8.1.2.2: serInstanceId is a String; the file gives no type")
        .Fix("SerName", """{"type":"string"}""", "GS MEC 011 clause 8.1.2.2: serName is a String; the file gives no type")
        .Fix("ServiceReferences/properties/changeType", Enumeration("ADDED", "REMOVED", "STATE_CHANGED", "ATTRIBUTES_CHANGED"),
            "GS MEC 011 clause 8.1.4.2: the four change types; the file has the placeholder SEE_DESCRIPTION"));

    private static readonly Lazy<OpenApiSchemas> Mec011ApplicationSupportSchemas = new(() => OpenApiSchemas.Load("MEC011_MecAppSupportApi_v3.1.1.yaml")
        .Fix("OAuth2Info/properties/grantTypes", GrantTypes, GrantTypesWhy)
        .Fix("TrafficRule/properties/filterType", Enumeration("FLOW", "PACKET"), "GS MEC 011 clause 7.1.2.2: FLOW or PACKET; the file has SEE_DESCRIPTION")
        .Fix("TrafficRule/properties/action",
            Enumeration("DROP", "FORWARD_DECAPSULATED", "FORWARD_ENCAPSULATED", "PASSTHROUGH", "DUPLICATE_DECAPSULATED", "DUPLICATE_ENCAPSULATED"),
            "GS MEC 011 clause 7.1.2.2: six actions; the file's enumeration keeps only the last")
        .Fix("TrafficRule/properties/state", Enumeration("ACTIVE", "INACTIVE"), "GS MEC 011 clause 7.1.2.2: ACTIVE or INACTIVE; the file has SEE_DESCRIPTION")
        .Fix("TrafficRule/properties/dstInterface", """{"type":"array","minItems":0,"maxItems":2,"items":{"$ref":"#/$defs/DestinationInterface"}}""",
            "GS MEC 011 clause 7.1.2.2: dstInterface has cardinality 0..2; the file types it as one object")
        .Fix("DnsRule/properties/ipAddressType", Enumeration("IP_V6", "IP_V4"), "GS MEC 011 clause 7.1.2.3: IP_V6 or IP_V4; the file has SEE_DESCRIPTION")
        .Fix("DnsRule/properties/state", Enumeration("ACTIVE", "INACTIVE"), "GS MEC 011 clause 7.1.2.3: ACTIVE or INACTIVE; the file has SEE_DESCRIPTION")
        .Fix("DestinationInterface/properties/interfaceType", Enumeration("TUNNEL", "MAC", "IP"), "GS MEC 011 clause 7.1.5.3: TUNNEL, MAC or IP; the file has SEE_DESCRIPTION")
        .Fix("TunnelInfo/properties/tunnelType", Enumeration("GTP_U", "GRE"), "GS MEC 011 clause 7.1.5.4: GTP_U or GRE; the file has SEE_DESCRIPTION")
        .Fix("CurrentTime/properties/timeSourceStatus", Enumeration("TRACEABLE", "NONTRACEABLE"),
            "GS MEC 011 clause 7.1.2.5: TRACEABLE or NONTRACEABLE; the file's enumeration has the word 'source'")
        .Fix("AppTerminationNotification/properties/operationAction", Enumeration("STOPPING", "TERMINATING"),
            "GS MEC 011 clause 7.1.4.2: STOPPING or TERMINATING; the file's enumeration keeps only the last")
        .Fix("AppTerminationConfirmation/properties/operationAction", Enumeration("STOPPING", "TERMINATING"),
            "GS MEC 011 clause 7.1.4.3: the action of the notification (STOPPING or TERMINATING); the file has SEE_DESCRIPTION and spells STOPPPING")
        .Fix("TimeStamp", """{"type":"object","properties":{"seconds":{"type":"integer"},"nanoSeconds":{"type":"integer"}},"required":["seconds","nanoSeconds"]}""",
            "GS MEC 011 clause 7.1.2.4: timeStamp holds one seconds and one nanoSeconds (Uint32); the file makes both arrays")
        .Fix("TimingCaps/properties/timeStamp", """{"$ref":"#/$defs/TimeStamp"}""", "GS MEC 011 clause 7.1.2.4: timeStamp has cardinality 0..1; the file makes it an array")
        .Fix("NtpServers",
            """{"type":"object","properties":{"ntpServerAddrType":{"type":"string","enum":["IP_ADDRESS","DNS_NAME"]},"ntpServerAddr":{"type":"string"},"minPollingInterval":{"type":"integer","minimum":1,"maximum":17},"maxPollingInterval":{"type":"integer","minimum":1,"maximum":17},"localPriority":{"type":"integer"},"authenticationOption":{"type":"string","enum":["NONE","SYMMETRIC_KEY","NTS"]},"authenticationKeyNum":{"type":"integer"}},"required":["ntpServerAddrType","ntpServerAddr","minPollingInterval","maxPollingInterval","localPriority","authenticationOption"]}""",
            "GS MEC 011 clause 7.1.2.4: each NTP server has one value per attribute (the key number only for SYMMETRIC_KEY); the file makes every attribute an array")
        .Fix("PtpMasters",
            """{"type":"object","properties":{"ptpMasterIpAddress":{"type":"string"},"ptpMasterLocalPriority":{"type":"integer"},"delayReqMaxRate":{"type":"integer"}},"required":["ptpMasterIpAddress","ptpMasterLocalPriority","delayReqMaxRate"]}""",
            "GS MEC 011 clause 7.1.2.4: each PTP master has one value per attribute; the file makes every attribute an array")
        .Fix("TimingCaps/required", "[]", "GS MEC 011 clause 7.1.2.4: timeStamp, ntpServers and ptpMasters are 0..1, 0..N and 0..N; the file requires all three"));

    private const string NotificationLinks =
        """{"type":"object","properties":{"subscription":{"$ref":"#/$defs/LinkType"}},"required":["subscription"]}""";

    private static readonly Lazy<OpenApiSchemas> Mec013LocationSchemas = new(() => OpenApiSchemas.Load("MEC013_LocationAPI_v3.1.1.yaml")
        .Fix("UserInfo/properties/accessPointId", """{"type":"string"}""", "GS MEC 013 clause 6.2.2: the attribute is accessPointId (the file's required list says so); the file's property is spelled AccessPointId")
        .Fix("UserInfo/properties/AccessPointId", """{"not":{}}""", "GS MEC 013 clause 6.2.2: no attribute AccessPointId, only accessPointId")
        .Fix("ZoneLocationEventNotification/properties/_links", NotificationLinks, "GS MEC 013 clause 6.4.6: _links holds the subscription the notification is for; the file reuses the self-only _links (its own example sends _links.subscription)")
        .Fix("UserLocationEventNotification/properties/_links", NotificationLinks, "GS MEC 013 clause 6.4.4: _links holds the subscription the notification is for")
        .Fix("TestNotification/properties/_links", NotificationLinks, "GS MEC 013 clause 6.4.3: _links holds the subscription the test is for")
        .Fix("ZoneStatusNotification/properties/_links", NotificationLinks, "GS MEC 013 clause 6.4.7: _links holds the subscription the notification is for")
        .Fix("UserLocationPeriodicNotification/properties/_links", NotificationLinks, "GS MEC 013 clause 6.4.5: _links holds the subscription the notification is for")
        .Fix("UserAreaNotification/properties/_links", NotificationLinks, "GS MEC 013 clause 6.4.8: _links holds the subscription the notification is for")
        .Fix("UserDistanceNotification/properties/_links", NotificationLinks, "GS MEC 013 clause 6.4.9: _links holds the subscription the notification is for"));

    /// <summary>MEC 011 service management (<c>mec_service_mgmt</c>).</summary>
    public static OpenApiSchemas Mec011ServiceManagement => Mec011ServiceManagementSchemas.Value;

    /// <summary>MEC 011 application support (<c>mec_app_support</c>).</summary>
    public static OpenApiSchemas Mec011ApplicationSupport => Mec011ApplicationSupportSchemas.Value;

    /// <summary>MEC 013 location (<c>location</c>).</summary>
    public static OpenApiSchemas Mec013Location => Mec013LocationSchemas.Value;

    private static string Enumeration(params string[] values) =>
        $$"""{"type":"string","enum":[{{string.Join(',', values.Select(v => $"\"{v}\""))}}]}""";
}
