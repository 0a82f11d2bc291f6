using System.Net;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;
using PrecisionCloud.Tests.Specifications;

namespace PrecisionCloud.Mec.Platform.Tests.ApplicationSupport;

public sealed class RegistrationTests : PlatformTest
{
    private const string Api = "/mec_app_support/v2";
    private const string Endpoint = """{"addresses": [{"host": "192.0.2.10", "port": 8443}]}""";

    [Fact]
    public async Task A_registration_gets_an_assigned_instance_id_a_location_and_can_be_read_updated_and_removed()
    {
        var created = await Platform.PostAsync($"{Api}/registrations", $$"""{"appName": "video-cache", "appProvider": "acme", "endpoint": {{Endpoint}}}""");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Empty(MecSpecifications.Mec011ApplicationSupport.Problems("AppInfo", created.Text));
        var id = created.Json!["appInstanceId"]!.GetValue<string>();
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal($"{Platform.Root.ToString().TrimEnd('/')}{Api}/registrations/{id}", created.Location);

        var read = await Platform.GetAsync($"{Api}/registrations/{id}");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("acme", read.Json!["appProvider"]!.GetValue<string>());

        var updated = await Platform.SendAsync(HttpMethod.Put, $"{Api}/registrations/{id}", $$"""{"appName": "video-cache", "appProvider": "acme-2", "endpoint": {{Endpoint}}}""");
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal("acme-2", updated.Json!["appProvider"]!.GetValue<string>());
        Assert.Equal(id, updated.Json["appInstanceId"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await Platform.SendAsync(HttpMethod.Delete, $"{Api}/registrations/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.GetAsync($"{Api}/registrations/{id}")).Status);
    }

    [Theory]
    [InlineData("""{"appName": "a"}""", "endpoint")]
    [InlineData("""{"appName": "a", "isInsByMec": false}""", "endpoint")]
    [InlineData("""{"appName": "a", "isInsByMec": true}""", "appInstanceId")]
    [InlineData("""{"appProvider": "a", "isInsByMec": true}""", "appName")]
    [InlineData("""{"appName": "a", "appDId": "d-1", "endpoint": {"uris": ["http://a"]}, "appServiceRequired": [{"serName": "location", "version": "3"}]}""", "appServiceRequired")]
    [InlineData("""{"appName": "a", "endpoint": {"uris": "http://a"}}""", "$.endpoint.uris")]
    public async Task A_bad_registration_gets_400_naming_the_field(string body, string field)
    {
        var answer = await Platform.PostAsync($"{Api}/registrations", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(field, answer.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provisioned_instance_registers_under_its_own_id_once()
    {
        Assert.Equal(HttpStatusCode.Created, (await Platform.SendAsync(HttpMethod.Put, "/mec_platform_mgmt/v1/app_instances/edge-app-1", Bodies.Provisioning("edge-app"))).Status);

        var registered = await Platform.PostAsync($"{Api}/registrations", """{"appName": "edge-app", "appInstanceId": "edge-app-1", "isInsByMec": true}""");
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        Assert.Equal("edge-app-1", registered.Json!["appInstanceId"]!.GetValue<string>());

        var again = await Platform.PostAsync($"{Api}/registrations", """{"appName": "edge-app", "appInstanceId": "edge-app-1", "isInsByMec": true}""");
        Assert.Equal(HttpStatusCode.Conflict, again.Status);

        // Deregistration returns a provisioned instance to PROVISIONED; it keeps its rules.
        Assert.Equal(HttpStatusCode.NoContent, (await Platform.SendAsync(HttpMethod.Delete, $"{Api}/registrations/edge-app-1")).Status);
        var status = await Platform.GetAsync("/mec_platform_mgmt/v1/app_instances/edge-app-1");
        Assert.Equal("PROVISIONED", status.Json!["phase"]!.GetValue<string>());
    }

    [Fact]
    public async Task Outside_conformance_mode_a_host_without_authentication_does_not_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RestartAsync(options => options.ConformanceMode = false));

        Assert.Contains("no default authentication scheme", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timing_answers_its_capabilities_and_the_current_time()
    {
        var caps = await Platform.GetAsync($"{Api}/timing/timing_caps");
        Assert.Equal(HttpStatusCode.OK, caps.Status);
        Assert.Empty(MecSpecifications.Mec011ApplicationSupport.Problems("TimingCaps", caps.Text));

        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var now = await Platform.GetAsync($"{Api}/timing/current_time");
        Assert.Equal(HttpStatusCode.OK, now.Status);
        Assert.Empty(MecSpecifications.Mec011ApplicationSupport.Problems("CurrentTime", now.Text));
        Assert.InRange(now.Json!["seconds"]!.GetValue<long>(), before, before + 5);
        Assert.Equal("NONTRACEABLE", now.Json["timeSourceStatus"]!.GetValue<string>());
    }
}
