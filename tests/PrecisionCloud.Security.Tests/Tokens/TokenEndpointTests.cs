using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrecisionCloud.Security.Tokens;

namespace PrecisionCloud.Security.Tests.Tokens;

#pragma warning disable CA1001 // disposed by IAsyncLifetime.DisposeAsync
public sealed class TokenEndpointTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly TokenSigningKeys _keys = new();
    private WebApplication _app = null!;
    private AuthorizationServer _server = null!;
    private Uri _base = null!;
    private string _secret = null!;

    public async Task InitializeAsync()
    {
        _server = new AuthorizationServer(new AuthorizationServerOptions { Issuer = "https://mep.edge-1", Audience = "https://mep.edge-1/mec" }, _keys);
        _secret = _server.RegisterWithSecret(new OAuthClient { ClientId = "cam", Tenant = "tenant-a", AppInstance = "a1", Scopes = ["mec_app_support", "location"] });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(_server);
        builder.Services.AddAuthentication(AccessTokenAuthenticationOptions.DefaultScheme)
            .AddPrecisionCloudAccessTokens(o => o.Validator = new AccessTokenValidator(new TokenValidationOptions { Issuer = "https://mep.edge-1", Audience = "https://mep.edge-1/mec" }, _keys.KeyOf));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy("app-support", p => p.RequireScope("mec_app_support"))
            .AddPolicy("rni", p => p.RequireScope("rni"));
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapPrecisionCloudAuthorizationServer();
        _app.MapGet("/mec_app_support/v2/whoami", (HttpContext c) => $"{c.User.FindFirst("tenant")?.Value}/{c.User.FindFirst("app_instance")?.Value}").RequireAuthorization("app-support");
        _app.MapGet("/rni/v2/queries", () => "rni").RequireAuthorization("rni");
        await _app.StartAsync();
        _base = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _keys.Dispose();
    }

    [Fact]
    public async Task The_client_handler_gets_one_token_for_many_concurrent_calls_and_the_api_sees_tenant_and_app_instance()
    {
        using var tokenClient = new HttpClient();
        var handler = new ClientCredentialsHandler(new ClientCredentialsOptions { TokenEndpoint = new Uri(_base, "/oauth/token"), ClientId = "cam", ClientSecret = _secret, Scope = "mec_app_support" }, tokenClient)
        {
            InnerHandler = new SocketsHttpHandler(),
        };
        using var api = new HttpClient(handler) { BaseAddress = _base };

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => api.GetStringAsync(new Uri("/mec_app_support/v2/whoami", UriKind.Relative))));

        Assert.All(answers, a => Assert.Equal("tenant-a/a1", a));
        Assert.Equal(1, handler.TokensFetched);
    }

    [Fact]
    public async Task The_token_endpoint_answers_rfc_6749_and_accepts_http_basic()
    {
        using var http = new HttpClient { BaseAddress = _base };
        using var basic = new HttpRequestMessage(HttpMethod.Post, "/oauth/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        basic.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"cam:{_secret}")));
        using var granted = await http.SendAsync(basic);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal("no-store", granted.Headers.CacheControl?.ToString());
        using (var json = JsonDocument.Parse(await granted.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Bearer", json.RootElement.GetProperty("token_type").GetString());
            Assert.Equal("mec_app_support location", json.RootElement.GetProperty("scope").GetString());
        }

        await AssertErrorAsync(http, [new("grant_type", "client_credentials"), new("client_id", "cam"), new("client_secret", "wrong")], HttpStatusCode.Unauthorized, "invalid_client");
        await AssertErrorAsync(http, [new("grant_type", "client_credentials"), new("client_id", "cam"), new("client_secret", _secret), new("scope", "admin")], HttpStatusCode.BadRequest, "invalid_scope");
        await AssertErrorAsync(http, [new("grant_type", "authorization_code"), new("client_id", "cam"), new("client_secret", _secret)], HttpStatusCode.BadRequest, "unsupported_grant_type");
        using var notAForm = await http.PostAsync(new Uri("/oauth/token", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Contains("invalid_request", await notAForm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_with_a_bad_one_or_without_the_scope_the_api_refuses_with_bearer_errors()
    {
        using var http = new HttpClient { BaseAddress = _base };
        using var none = await http.GetAsync(new Uri("/mec_app_support/v2/whoami", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.ToString());

        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not.a.token");
        using var bad = await http.GetAsync(new Uri("/mec_app_support/v2/whoami", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Contains("error=\"invalid_token\"", bad.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        var token = _server.Grant(new TokenRequest("client_credentials", "cam", _secret, "location")).AccessToken!;
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var scope = await http.GetAsync(new Uri("/mec_app_support/v2/whoami", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, scope.StatusCode);
        Assert.Contains("insufficient_scope", scope.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_jwks_endpoint_publishes_the_signing_keys()
    {
        using var http = new HttpClient { BaseAddress = _base };
        using var keys = PrecisionCloud.Security.Tokens.JsonWebKeySet.Parse(await http.GetStringAsync(new Uri("/oauth/jwks", UriKind.Relative)));

        Assert.Equal([_keys.CurrentKeyId], keys.KeyIds);
    }

    private static async Task AssertErrorAsync(HttpClient http, KeyValuePair<string, string>[] form, HttpStatusCode status, string error)
    {
        using var response = await http.PostAsync(new Uri("/oauth/token", UriKind.Relative), new FormUrlEncodedContent(form));
        Assert.Equal(status, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("error_description").GetString()));
    }
}
