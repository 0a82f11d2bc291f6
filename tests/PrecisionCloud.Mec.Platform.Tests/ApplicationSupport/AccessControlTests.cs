using System.Net;
using System.Net.Http.Headers;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;

namespace PrecisionCloud.Mec.Platform.Tests.ApplicationSupport;

/// <summary>Outside conformance mode: OAuth 2.0 client credentials with a scope per API, and each application instance confined to its own resources.</summary>
public sealed class AccessControlTests : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private PlatformHost _platform = null!;
    private string _management = null!;
    private string _appA = null!;

    public async Task InitializeAsync()
    {
        _platform = await PlatformHost.StartAsync(_directory.Path, secure: true);
        _management = await _platform.TokenAsync("orchestrator", null, MecPlatformOptions.AdministrationScope);
        _appA = await _platform.TokenAsync("app-a", "a", MecPlatformOptions.ApplicationSupportScope, MecPlatformOptions.ServiceManagementScope);
        foreach (var app in new[] { "a", "b" })
        {
            var provisioned = await SendAsync(_management, HttpMethod.Put, $"/mec_platform_mgmt/v1/app_instances/{app}", Bodies.Provisioning(app));
            Assert.Equal(HttpStatusCode.Created, provisioned.Status);
        }
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Without_a_token_the_answer_is_401_with_a_bearer_challenge()
    {
        var answer = await _platform.GetAsync("/mec_service_mgmt/v1/services");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Contains("access token", answer.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instance_works_on_its_own_resources_and_gets_403_on_anothers()
    {
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(_appA, HttpMethod.Post, "/mec_service_mgmt/v1/applications/a/services", Bodies.Service("video"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(_appA, HttpMethod.Get, "/mec_service_mgmt/v1/services")).Status);

        var intrusion = await SendAsync(_appA, HttpMethod.Post, "/mec_service_mgmt/v1/applications/b/services", Bodies.Service("fake"));
        Assert.Equal(HttpStatusCode.Forbidden, intrusion.Status);
        Assert.Contains("not b", intrusion.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(_appA, HttpMethod.Post, "/mec_app_support/v2/applications/b/confirm_ready", """{"indication": "READY"}""")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(_appA, HttpMethod.Get, "/mec_platform_mgmt/v1/app_instances")).Status);
    }

    [Fact]
    public async Task A_token_without_the_apis_scope_gets_403()
    {
        var supportOnly = await _platform.TokenAsync("app-b", "b", MecPlatformOptions.ApplicationSupportScope);

        var answer = await SendAsync(supportOnly, HttpMethod.Get, "/mec_service_mgmt/v1/services");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Contains("mec_service_mgmt", answer.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(supportOnly, HttpMethod.Post, "/mec_app_support/v2/applications/b/confirm_ready", """{"indication": "READY"}""")).Status);
    }

    [Fact]
    public async Task A_registration_takes_the_instance_of_the_token()
    {
        var registered = await SendAsync(_appA, HttpMethod.Post, "/mec_app_support/v2/registrations", """{"appName": "a", "endpoint": {"uris": ["http://192.0.2.1"]}}""");
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        Assert.Equal("a", registered.Json!["appInstanceId"]!.GetValue<string>());

        var other = await SendAsync(_appA, HttpMethod.Post, "/mec_app_support/v2/registrations", """{"appName": "a", "appInstanceId": "b", "endpoint": {"uris": ["http://192.0.2.1"]}}""");
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
    }

    [Fact]
    public async Task The_transports_advertise_the_platforms_token_endpoint_to_anyone()
    {
        var transports = await _platform.GetAsync("/mec_service_mgmt/v1/transports");
        Assert.Equal(HttpStatusCode.OK, transports.Status);

        Assert.Equal(new Uri(_platform.Root, "/oauth/token").ToString(), transports.Json![0]!["security"]!["oAuth2Info"]!["tokenEndpoint"]!.GetValue<string>());
    }

    [Fact]
    public async Task Location_subscriptions_are_seen_only_by_the_client_that_made_them_and_the_management()
    {
        var watcher = await _platform.TokenAsync("watcher", null, MecPlatformOptions.LocationScope);
        var snoop = await _platform.TokenAsync("snoop", null, MecPlatformOptions.LocationScope);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(watcher, HttpMethod.Post, "/location/v3/subscriptions/users",
            """{"userLocationEventSubscription": {"subscriptionType": "UserLocationEventSubscription", "callbackReference": "http://127.0.0.1:9/cb", "address": "acr:10.45.0.2"}}""")).Status);

        Assert.Single(Subscriptions(await SendAsync(watcher, HttpMethod.Get, "/location/v3/subscriptions/users")));
        Assert.Empty(Subscriptions(await SendAsync(snoop, HttpMethod.Get, "/location/v3/subscriptions/users")));
        Assert.Single(Subscriptions(await SendAsync(_management, HttpMethod.Get, "/location/v3/subscriptions/users")));
    }

    private static System.Text.Json.Nodes.JsonArray Subscriptions(PlatformHost.Answer answer) =>
        answer.Json!["notificationSubscriptionList"]!["subscription"]?.AsArray() ?? [];

    private Task<PlatformHost.Answer> SendAsync(string token, HttpMethod method, string path, string? json = null) =>
        _platform.SendAsync(method, path, json, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token));
}
