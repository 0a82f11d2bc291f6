using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrecisionCloud.Security.Identity;
using PrecisionCloud.Security.Tokens;

namespace PrecisionCloud.Security.Tests.Hosting;

/// <summary>
/// A host composed from the registrations: sealing, its workload identity from the site CA, the authorization
/// server and token validation, all over mutual TLS; a client authenticates to the token endpoint with its
/// certificate and the token it gets works only over a connection with that certificate.
/// </summary>
public sealed class SecureSiteTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_certificate_bound_token_works_for_its_client_and_not_for_a_thief_with_another_site_identity()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddPrecisionCloudSealing(o => (o.RootKey, o.KeyDirectory) = (Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), _directory.Combine("keys")));
        builder.Services.AddPrecisionCloudWorkloadIdentity("service", "mep", o => (o.TrustDomain, o.Site, o.Directory) = ("operator.example", "edge-1", _directory.Combine("ca")));
        builder.Services.AddPrecisionCloudAuthorizationServer(o => (o.Issuer, o.Audience, o.KeyDirectory) = ("https://mep.edge-1", "https://mep.edge-1/mec", _directory.Combine("tokens")));
        builder.Services.AddAuthentication(AccessTokenAuthenticationOptions.DefaultScheme).AddPrecisionCloudAccessTokens(_ => { });
        builder.Services.AddOptions<AccessTokenAuthenticationOptions>(AccessTokenAuthenticationOptions.DefaultScheme)
            .Configure<TokenSigningKeys>((o, keys) => o.Validator = new AccessTokenValidator(new TokenValidationOptions { Issuer = "https://mep.edge-1", Audience = "https://mep.edge-1/mec" }, keys.KeyOf));
        builder.Services.AddAuthorization();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseMutualTls(kestrel.ApplicationServices.GetRequiredService<IWorkloadIdentitySource>())));
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPrecisionCloudAuthorizationServer();
        app.MapGet("/n4/sessions", (HttpContext c) => c.User.FindFirst("client_id")!.Value).RequireAuthorization();
        await app.StartAsync();
        var url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        Assert.True(File.Exists(_directory.Combine("tokens/token-signing-keys.sealed")));
        var site = app.Services.GetRequiredService<SiteIdentityService>();
        app.Services.GetRequiredService<AuthorizationServer>().RegisterWithCertificate(new OAuthClient
        {
            ClientId = "smf",
            Tenant = "operator",
            Scopes = ["n4"],
            CertificateIdentity = "spiffe://operator.example/site/edge-1/nf/smf",
        });
        using var smf = new CertificateAuthorityIdentitySource(site.Authority, ca => ca.Issue("nf", "smf"));
        using var thief = new CertificateAuthorityIdentitySource(site.Authority, ca => ca.Issue("app", "thief"));
        using var smfHttp = new HttpClient(MutualTls.CreateHandler(smf, server => server.Name == "mep")) { BaseAddress = url };
        using var thiefHttp = new HttpClient(MutualTls.CreateHandler(thief)) { BaseAddress = url };

        using var granted = await smfHttp.PostAsync(new Uri("/oauth/token", UriKind.Relative),
            new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", "smf")]));
        var body = await granted.Content.ReadAsStringAsync();
        Assert.True(granted.IsSuccessStatusCode, body);
        var token = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;

        using var own = new HttpRequestMessage(HttpMethod.Get, "/n4/sessions") { Headers = { Authorization = new("Bearer", token) } };
        using var ownAnswer = await smfHttp.SendAsync(own);
        Assert.Equal("smf", await ownAnswer.Content.ReadAsStringAsync());

        using var stolen = new HttpRequestMessage(HttpMethod.Get, "/n4/sessions") { Headers = { Authorization = new("Bearer", token) } };
        using var stolenAnswer = await thiefHttp.SendAsync(stolen);
        Assert.Equal(HttpStatusCode.Unauthorized, stolenAnswer.StatusCode);
        Assert.Contains("bound to another client certificate", stolenAnswer.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        using var thiefGrant = await thiefHttp.PostAsync(new Uri("/oauth/token", UriKind.Relative),
            new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", "smf")]));
        Assert.Equal(HttpStatusCode.Unauthorized, thiefGrant.StatusCode);
        await app.StopAsync();
    }
}
