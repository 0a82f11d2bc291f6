using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PrecisionCloud.Mec.Platform;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;
using PrecisionCloud.Mec.ServiceManagement;
using PrecisionCloud.Security.Tokens;

namespace PrecisionCloud.Mec.Client.Tests;

/// <summary>The client against a platform that requires OAuth 2.0 client credentials.</summary>
public sealed class SecureClientTests : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private PlatformHost _platform = null!;

    public async Task InitializeAsync()
    {
        _platform = await PlatformHost.StartAsync(_directory.Path, secure: true);
        var management = await _platform.TokenAsync("orchestrator", null, MecPlatformOptions.AdministrationScope);
        var provisioned = await _platform.SendAsync(HttpMethod.Put, "/mec_platform_mgmt/v1/app_instances/a", Bodies.Provisioning("a"),
            r => r.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", management));
        Assert.Equal(HttpStatusCode.Created, provisioned.Status);
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_token_endpoint_is_found_in_transports_and_one_token_serves_concurrent_calls()
    {
        var secret = _platform.Services.GetRequiredService<AuthorizationServer>().RegisterWithSecret(new OAuthClient
        {
            ClientId = "app-a",
            Tenant = "operator",
            AppInstance = "a",
            Scopes = [MecPlatformOptions.ApplicationSupportScope, MecPlatformOptions.ServiceManagementScope],
        });
        await using var provider = new ServiceCollection().AddLogging()
            .AddMecClient(o => (o.ApiRoot, o.AppInstanceId, o.ClientId, o.ClientSecret) = (_platform.Root, "a", "app-a", secret))
            .BuildServiceProvider();
        var services = provider.GetRequiredService<MecServiceManagementClient>();
        var before = _platform.TokenRequests;

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => services.DiscoverAsync(null, CancellationToken.None)));
        var published = await services.PublishAsync(new ServiceInfo { SerName = "video", Version = "1", State = ServiceState.Active, TransportId = "mec-rest-http", Serializer = SerializerType.Json }, CancellationToken.None);

        Assert.NotNull(published.ETag);
        Assert.Equal(1, _platform.TokenRequests - before);
    }

    [Fact]
    public async Task Wrong_credentials_are_a_clear_error()
    {
        await using var provider = new ServiceCollection().AddLogging()
            .AddMecClient(o => (o.ApiRoot, o.AppInstanceId, o.ClientId, o.ClientSecret) = (_platform.Root, "a", "nobody", "wrong"))
            .BuildServiceProvider();

        var error = await Assert.ThrowsAsync<MecApiException>(() => provider.GetRequiredService<MecServiceManagementClient>().DiscoverAsync(null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Contains("token request refused", error.Message, StringComparison.Ordinal);
    }
}
