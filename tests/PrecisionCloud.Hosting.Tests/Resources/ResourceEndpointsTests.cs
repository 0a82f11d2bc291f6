using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrecisionCloud.Security.Tokens;

namespace PrecisionCloud.Hosting.Tests.Resources;

/// <summary>The resource API with access tokens: the administration scope reaches everything, the tenant scope its own tenant only.</summary>
public sealed class ResourceEndpointsTests : IAsyncLifetime, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("resources-api-").FullName;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private string _adminSecret = null!;
    private string _tenantSecret = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddPrecisionCloudResources(o => o.DatabasePath = string.Empty);
        builder.Services.AddPrecisionCloudSealing(o => (o.RootKey, o.KeyDirectory) = (Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Path.Combine(_directory, "keys")));
        builder.Services.AddPrecisionCloudAuthorizationServer(o => (o.Issuer, o.Audience, o.KeyDirectory) = ("https://site.test", "https://site.test/resources", Path.Combine(_directory, "tokens")));
        builder.Services.AddAuthentication(AccessTokenAuthenticationOptions.DefaultScheme).AddPrecisionCloudAccessTokens(_ => { });
        builder.Services.AddOptions<AccessTokenAuthenticationOptions>(AccessTokenAuthenticationOptions.DefaultScheme)
            .Configure<TokenSigningKeys>((o, keys) => o.Validator = new AccessTokenValidator(new TokenValidationOptions { Issuer = "https://site.test", Audience = "https://site.test/resources" }, keys.KeyOf));
        _app = builder.Build();
        _app.MapPrecisionCloudAuthorizationServer();
        _app.MapResources();
        await _app.StartAsync();
        var server = _app.Services.GetRequiredService<AuthorizationServer>();
        _adminSecret = server.RegisterWithSecret(new OAuthClient { ClientId = "operator", Tenant = "ops", Scopes = [ResourceApiScopes.Administration] });
        _tenantSecret = server.RegisterWithSecret(new OAuthClient { ClientId = "acme-ci", Tenant = "acme", Scopes = [ResourceApiScopes.Tenant] });
        _http = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public void Dispose() => _http.Dispose();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_token_decides_what_a_caller_reaches()
    {
        var admin = await TokenAsync("operator", _adminSecret);
        var tenant = await TokenAsync("acme-ci", _tenantSecret);
        const string Acme = """{"name": "acme"}""";
        const string Other = """{"name": "other"}""";
        const string Network = """{"tenant": "acme", "name": "lan", "subnets": [{"cidr": "10.9.0.0/24"}]}""";

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Get, "/resources/v1/providers", null, null));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Put, "/resources/v1/tenants/acme", Acme, tenant));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Put, "/resources/v1/tenants/acme", Acme, admin));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Put, "/resources/v1/tenants/other", Other, admin));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/resources/v1/tenants/acme", null, tenant));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/resources/v1/tenants/acme/workloads", null, tenant));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Get, "/resources/v1/tenants/other/workloads", null, tenant));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Get, "/resources/v1/providers", null, tenant));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Delete, "/resources/v1/tenants/acme", null, tenant));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Get, "/resources/v1/workloads", null, tenant));
        // Let through to the model, which refuses it: this site has no provider that realises networks.
        Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(HttpMethod.Put, "/resources/v1/tenants/acme/networks/lan", Network, tenant));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/resources/v1/providers", null, admin));
    }

    [Fact]
    public async Task A_tenant_with_members_admits_only_them_and_a_viewer_only_reads()
    {
        var admin = await TokenAsync("operator", _adminSecret);
        var tenant = await TokenAsync("acme-ci", _tenantSecret);
        const string Volume = """{"tenant": "acme", "name": "data"}""";

        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Put, "/resources/v1/tenants/acme", """{"name": "acme", "members": [{"subject": "someone", "role": "tenant-admin"}]}""", admin));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Get, "/resources/v1/tenants/acme/volumes", null, tenant));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Put, "/resources/v1/tenants/acme", """{"name": "acme", "members": [{"subject": "acme-ci", "role": "viewer"}]}""", admin));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/resources/v1/tenants/acme/volumes", null, tenant));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Put, "/resources/v1/tenants/acme/volumes/data", Volume, tenant));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Put, "/resources/v1/tenants/acme", """{"name": "acme", "members": [{"subject": "acme-ci", "role": "tenant-admin"}]}""", admin));
        Assert.NotEqual(HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Put, "/resources/v1/tenants/acme/volumes/data", Volume, tenant));
    }

    private async Task<HttpStatusCode> SendAsync(HttpMethod method, string path, string? json, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<string> TokenAsync(string client, string secret)
    {
        using var response = await _http.PostAsync(new Uri("/oauth/token", UriKind.Relative),
            new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", client), new("client_secret", secret)]));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}
