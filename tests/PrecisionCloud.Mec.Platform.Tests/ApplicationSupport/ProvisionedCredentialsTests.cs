using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;

namespace PrecisionCloud.Mec.Platform.Tests.ApplicationSupport;

/// <summary>Provisioning gives an application its OAuth 2.0 client: the secret once, tokens for its own instance, kept across restarts, gone with the instance.</summary>
public sealed class ProvisionedCredentialsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_provisioned_client_gets_tokens_for_its_instance_across_restarts_until_terminated()
    {
        string secret;
        await using (var platform = await PlatformHost.StartAsync(_directory.Path, secure: true))
        {
            var management = await platform.TokenAsync("orchestrator", null, MecPlatformOptions.AdministrationScope);
            var provisioned = await Send(platform, management, HttpMethod.Put, "/mec_platform_mgmt/v1/app_instances/cam-1", """{"appName": "cam", "tenant": "operator", "clientId": "cam"}""");
            Assert.Equal(HttpStatusCode.Created, provisioned.Status);
            secret = provisioned.Json!["clientSecret"]!.GetValue<string>();
            Assert.Equal("cam", provisioned.Json["clientId"]!.GetValue<string>());

            var again = await Send(platform, management, HttpMethod.Put, "/mec_platform_mgmt/v1/app_instances/cam-1", """{"appName": "cam", "tenant": "operator", "clientId": "cam"}""");
            Assert.Equal(HttpStatusCode.OK, again.Status);
            Assert.Null(again.Json!["clientSecret"]);
            var taken = await Send(platform, management, HttpMethod.Put, "/mec_platform_mgmt/v1/app_instances/other", """{"appName": "other", "clientId": "cam"}""");
            Assert.Equal(HttpStatusCode.Conflict, taken.Status);

            var token = await GrantAsync(platform, secret);
            Assert.Equal(HttpStatusCode.NoContent, (await Send(platform, token, HttpMethod.Post, "/mec_app_support/v2/applications/cam-1/confirm_ready", """{"indication": "READY"}""")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await Send(platform, token, HttpMethod.Post, "/mec_app_support/v2/applications/other/confirm_ready", """{"indication": "READY"}""")).Status);
        }

        await using (var restarted = await PlatformHost.StartAsync(_directory.Path, secure: true))
        {
            var token = await GrantAsync(restarted, secret);
            Assert.Equal(HttpStatusCode.OK, (await Send(restarted, token, HttpMethod.Get, "/mec_service_mgmt/v1/services")).Status);

            var management = await restarted.TokenAsync("orchestrator-2", null, MecPlatformOptions.AdministrationScope);
            Assert.Equal(HttpStatusCode.Accepted, (await Send(restarted, management, HttpMethod.Post, "/mec_platform_mgmt/v1/app_instances/cam-1/terminate", "{}")).Status);
            using var refused = await restarted.Client.PostAsync(new Uri("/oauth/token", UriKind.Relative), Form(secret));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
    }

    private static async Task<string> GrantAsync(PlatformHost platform, string secret)
    {
        using var granted = await platform.Client.PostAsync(new Uri("/oauth/token", UriKind.Relative), Form(secret));
        var body = await granted.Content.ReadAsStringAsync();
        Assert.True(granted.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
    }

    private static FormUrlEncodedContent Form(string secret) =>
        new([new("grant_type", "client_credentials"), new("client_id", "cam"), new("client_secret", secret)]);

    private static Task<PlatformHost.Answer> Send(PlatformHost platform, string token, HttpMethod method, string path, string? json = null) =>
        platform.SendAsync(method, path, json, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token));
}
