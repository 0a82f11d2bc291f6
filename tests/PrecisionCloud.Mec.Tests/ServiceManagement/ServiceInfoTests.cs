using System.Text.Json;
using System.Text.Json.Nodes;
using PrecisionCloud.Mec.ServiceManagement;
using PrecisionCloud.Tests.Specifications;

namespace PrecisionCloud.Mec.Tests.ServiceManagement;

public sealed class ServiceInfoTests
{
    private static readonly ServiceInfo Location = new()
    {
        SerInstanceId = "b1c5a3e2-3f1d-4c1e-9f3a-6a2f0c9e8d71",
        SerName = "location",
        SerCategory = new CategoryRef("catalogue/location", "loc", "Location", "3.1.1"),
        Version = "3.1.1",
        State = ServiceState.Active,
        TransportInfo = new TransportInfo
        {
            Id = "rest-1",
            Name = "REST",
            Description = "REST API over HTTP",
            Type = TransportType.RestHttp,
            Protocol = "HTTP",
            Version = "2.0",
            Endpoint = new EndPointInfo { Uris = ["http://mep.edge-1/location/v3"] },
            Security = new SecurityInfo(new OAuth2Info([OAuth2GrantType.ClientCredentials], "https://mep.edge-1/oauth/token")),
        },
        Serializer = SerializerType.Json,
        ScopeOfLocality = LocalityType.MecHost,
        ConsumedLocalOnly = true,
        IsLocal = true,
        LivenessInterval = 60,
        Links = new ServiceLinks(new LinkType("http://mep.edge-1/mec_service_mgmt/v1/services/b1c5"), new LinkType("http://mep.edge-1/mec_service_mgmt/v1/liveness/b1c5")),
    };

    [Fact]
    public void A_full_service_validates_against_the_etsi_schema_and_reads_back_equal()
    {
        var json = MecJson.Serialize(Location);

        Assert.Empty(MecSpecifications.Mec011ServiceManagement.Problems("ServiceInfo", json));
        var again = MecJson.Deserialize<ServiceInfo>(json)!;
        Assert.Equal(MecJson.Serialize(again), json);
        Assert.Contains("\"_links\":{\"self\":{\"href\":", json, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"ACTIVE\"", json, StringComparison.Ordinal);
        Assert.Contains("\"grantTypes\":[\"OAUTH2_CLIENT_CREDENTIALS\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minimal_service_leaves_out_what_is_absent_and_still_validates()
    {
        var minimal = Location with { SerInstanceId = null, SerCategory = null, ScopeOfLocality = null, ConsumedLocalOnly = null, IsLocal = null, LivenessInterval = null, Links = new ServiceLinks(new LinkType("http://mep/s/1")) };
        var json = MecJson.Serialize(minimal);

        Assert.Empty(MecSpecifications.Mec011ServiceManagement.Problems("ServiceInfo", json));
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serName")]
    [InlineData("version")]
    [InlineData("state")]
    [InlineData("serializer")]
    public void A_missing_required_field_is_refused_by_the_schema_and_by_our_reader(string field)
    {
        var json = JsonNode.Parse(MecJson.Serialize(Location))!.AsObject();
        json.Remove(field);

        Assert.NotEmpty(MecSpecifications.Mec011ServiceManagement.Problems("ServiceInfo", json.ToJsonString()));
        var refused = Assert.Throws<JsonException>(() => MecJson.Deserialize<ServiceInfo>(json.ToJsonString()));
        Assert.Contains(field, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("state", "\"RUNNING\"")]
    [InlineData("serializer", "\"YAML\"")]
    [InlineData("scopeOfLocality", "\"CITY\"")]
    [InlineData("livenessInterval", "\"sixty\"")]
    public void A_value_outside_the_specification_is_refused_by_the_schema_and_by_our_reader(string field, string value)
    {
        var json = JsonNode.Parse(MecJson.Serialize(Location))!.AsObject();
        json[field] = JsonNode.Parse(value);

        Assert.NotEmpty(MecSpecifications.Mec011ServiceManagement.Problems("ServiceInfo", json.ToJsonString()));
        Assert.Throws<JsonException>(() => MecJson.Deserialize<ServiceInfo>(json.ToJsonString()));
    }

    [Theory]
    [InlineData(typeof(ServiceState), "ServiceState")]
    [InlineData(typeof(SerializerType), "SerializerType")]
    [InlineData(typeof(LocalityType), "LocalityType")]
    [InlineData(typeof(TransportType), "TransportType")]
    public void Every_enumeration_value_is_one_the_specification_names(Type enumeration, string schema)
    {
        foreach (var value in Enum.GetValues(enumeration))
        {
            var json = JsonSerializer.Serialize(value, enumeration, MecJson.Options);
            Assert.Empty(MecSpecifications.Mec011ServiceManagement.Problems(schema, json));
        }

        Assert.NotEmpty(MecSpecifications.Mec011ServiceManagement.Problems(schema, "\"NOT_A_VALUE\""));
    }

    [Fact]
    public void The_fixes_to_the_etsi_file_are_named()
    {
        Assert.Equal(4, MecSpecifications.Mec011ServiceManagement.Fixes.Count);
        Assert.Equal(17, MecSpecifications.Mec011ApplicationSupport.Fixes.Count);
        Assert.All(MecSpecifications.Mec011ServiceManagement.Fixes.Concat(MecSpecifications.Mec011ApplicationSupport.Fixes), fix => Assert.Contains("GS MEC 011 clause", fix, StringComparison.Ordinal));
    }
}
