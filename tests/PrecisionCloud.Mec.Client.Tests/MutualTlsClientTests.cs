using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrecisionCloud.Mec.Platform;
using PrecisionCloud.Security.Identity;

namespace PrecisionCloud.Mec.Client.Tests;

/// <summary>
/// The platform behind mutual TLS with the site's identities (PrecisionCloud.Security), and the client SDK reaching
/// it with its own site identity through <c>ConfigureHttpClientDefaults</c>; a client without one is refused.
/// </summary>
public sealed class MutualTlsClientTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("mec-mtls-");
    private WebApplication _platform = null!;
    private Uri _root = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddPrecisionCloudSealing(o => (o.RootKey, o.KeyDirectory) = (Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Path.Combine(_directory.FullName, "keys")));
        builder.Services.AddPrecisionCloudWorkloadIdentity("service", "mep", o => (o.TrustDomain, o.Site, o.Directory) = ("operator.example", "edge-1", Path.Combine(_directory.FullName, "ca")));
        builder.Services.AddMecPlatform(o => (o.ConformanceMode, o.DatabasePath) = (true, Path.Combine(_directory.FullName, "mec.db")));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseMutualTls(kestrel.ApplicationServices.GetRequiredService<IWorkloadIdentitySource>())));
        _platform = builder.Build();
        _platform.MapMecPlatform();
        await _platform.StartAsync();
        _root = new Uri(_platform.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async Task DisposeAsync()
    {
        await _platform.StopAsync();
        await _platform.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_client_with_a_site_identity_reaches_the_platform_over_mutual_tls_and_one_without_is_refused()
    {
        var site = _platform.Services.GetRequiredService<SiteIdentityService>();
        using var identity = new CertificateAuthorityIdentitySource(site.Authority, ca => ca.Issue("app", "cam"));
        var services = new ServiceCollection().AddLogging().AddMecClient(o => (o.ApiRoot, o.AppInstanceId, o.MaxRetries) = (_root, "cam", 0));
        services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => MutualTls.CreateHandler(identity, server => server.Name == "mep")));
        await using var provider = services.BuildServiceProvider();

        var published = await provider.GetRequiredService<MecServiceManagementClient>().PublishAsync(
            new ServiceManagement.ServiceInfo { SerName = "video", Version = "1", State = ServiceManagement.ServiceState.Active, TransportId = "mec-rest-http", Serializer = ServiceManagement.SerializerType.Json },
            CancellationToken.None);
        Assert.StartsWith("https://", published.Location!.ToString(), StringComparison.Ordinal);

        // Trusting the platform's certificate is not enough: without a client certificate the handshake is refused.
        var anonymousServices = new ServiceCollection().AddLogging().AddMecClient(o => (o.ApiRoot, o.AppInstanceId, o.MaxRetries) = (_root, "cam", 0));
#pragma warning disable CA5359 // The server is trusted on purpose: what is checked is that a client without a certificate is refused.
        anonymousServices.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        }));
#pragma warning restore CA5359
        await using var anonymous = anonymousServices.BuildServiceProvider();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => anonymous.GetRequiredService<MecServiceManagementClient>().DiscoverAsync(null, CancellationToken.None));
    }
}
