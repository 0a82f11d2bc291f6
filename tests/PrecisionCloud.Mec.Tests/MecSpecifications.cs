using PrecisionCloud.Tests.Specifications;

namespace PrecisionCloud.Mec.Tests;

/// <summary>The ETSI OpenAPI files with their known defects fixed, each fix naming the GS clause that says what is right.</summary>
internal static class MecSpecifications
{
    private static readonly Lazy<OpenApiSchemas> Mec011ServiceManagementSchemas = new(() => OpenApiSchemas.Load("MEC011_MecServiceMgmtApi_v3.1.1.yaml")
        .Fix("OAuth2Info/properties/grantTypes",
            """{"type":"array","minItems":1,"maxItems":4,"items":{"type":"string","enum":["OAUTH2_AUTHORIZATION_CODE","OAUTH2_IMPLICIT_GRANT","OAUTH2_RESOURCE_OWNER","OAUTH2_CLIENT_CREDENTIALS"]}}""",
            "GS MEC 011 clause 8.1.5.4: a list of 1 to 4 grant types; the file has one string with the placeholder SEE_DESCRIPTION")
        .Fix("SerInstanceId", """{"type":"string"}""", "GS MEC 011 clause 8.1.2.2: serInstanceId is a String; the file gives no type")
        .Fix("SerName", """{"type":"string"}""", "GS MEC 011 clause 8.1.2.2: serName is a String; the file gives no type"));

    public static OpenApiSchemas Mec011ServiceManagement => Mec011ServiceManagementSchemas.Value;
}
