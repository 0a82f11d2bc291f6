using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrecisionCloud.Mec.Platform.DataPlane;
using PrecisionCloud.Security.Tokens;
using PrecisionCloud.Tests.Specifications;

namespace PrecisionCloud.Mec.Platform.Tests.Infrastructure;

/// <summary>The MEC platform in a real Kestrel host on a loopback port, with its SQLite store in a directory of the test's.</summary>
internal sealed class PlatformHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _tokenRequests;

    private PlatformHost(WebApplication app, RecordingRuleEnforcer rules)
    {
        _app = app;
        Rules = rules;
        Client = new HttpClient();
    }

    public Uri Root { get; private set; } = null!;

    public HttpClient Client { get; }

    public RecordingRuleEnforcer Rules { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>How many token requests the platform's authorization server had (secure hosts).</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public static async Task<PlatformHost> StartAsync(string directory, Action<MecPlatformOptions>? configure = null, RecordingRuleEnforcer? rules = null, int? port = null, bool secure = false, bool dns = false, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("PLATFORM_TEST_LOG") is not null)
        {
            builder.Logging.AddConsole();
        }

        // Port 0 lets the system choose (no race with other tests); the platform takes its API root from the address.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port ?? 0));
        rules ??= new RecordingRuleEnforcer();
        builder.Services.AddSingleton<ITrafficRuleEnforcer>(rules);
        builder.Services.AddSingleton<IDnsRuleEnforcer>(rules);
        builder.Services.AddMecPlatform(options =>
        {
            options.ConformanceMode = true;
            options.DatabasePath = Path.Combine(directory, "mec-platform.db");
            options.Notifications.InitialRetryDelay = TimeSpan.FromMilliseconds(100);
            options.Notifications.MaxRetryDelay = TimeSpan.FromMilliseconds(400);
            options.Notifications.RequestTimeout = TimeSpan.FromSeconds(2);
            configure?.Invoke(options);
        });
        services?.Invoke(builder.Services);
        if (dns)
        {
            builder.Services.AddMecDnsResponder(o => o.Port = 0);
        }

        if (secure)
        {
            // One root key per directory, so a restarted host unseals what the first one sealed.
            var rootKeyFile = Path.Combine(directory, "root.key");
            if (!File.Exists(rootKeyFile))
            {
                File.WriteAllText(rootKeyFile, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }

            builder.Services.AddPrecisionCloudSealing(o => (o.RootKey, o.KeyDirectory) = (File.ReadAllText(rootKeyFile), Path.Combine(directory, "keys")));
            builder.Services.AddPrecisionCloudAuthorizationServer(o => (o.Issuer, o.Audience, o.KeyDirectory) = ("https://mep.test", "https://mep.test/mec", Path.Combine(directory, "tokens")));
            builder.Services.AddAuthentication(AccessTokenAuthenticationOptions.DefaultScheme).AddPrecisionCloudAccessTokens(_ => { });
            builder.Services.AddOptions<AccessTokenAuthenticationOptions>(AccessTokenAuthenticationOptions.DefaultScheme)
                .Configure<TokenSigningKeys>((o, keys) => o.Validator = new AccessTokenValidator(new TokenValidationOptions { Issuer = "https://mep.test", Audience = "https://mep.test/mec" }, keys.KeyOf));
            builder.Services.Configure<MecPlatformOptions>(o => o.ConformanceMode = false);
        }

        var app = builder.Build();
        var host = new PlatformHost(app, rules);
        if (secure)
        {
            app.Use(async (context, next) =>
            {
                if (context.Request.Path == "/oauth/token")
                {
                    Interlocked.Increment(ref host._tokenRequests);
                }

                await next(context);
            });
            app.MapPrecisionCloudAuthorizationServer();
        }

        app.MapMecPlatform();
        try
        {
            await app.StartAsync();
            host.Root = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            host.Client.BaseAddress = host.Root;

            // Requests wait until the platform has loaded its state; one request makes the start complete.
            using var ready = await host.Client.GetAsync(new Uri("/mec_service_mgmt/v1/transports", UriKind.Relative));
            ready.EnsureSuccessStatusCode();
            if (secure)
            {
                app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MecPlatformOptions>>().Value.TokenEndpoint = new Uri(host.Root, "/oauth/token");
            }

        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Sends a request with a JSON body (or none) and reads the answer; a problem answer must be RFC 7807 as the ETSI files define it.</summary>
    public async Task<Answer> SendAsync(HttpMethod method, string path, string? json = null, Action<HttpRequestMessage>? adjust = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        adjust?.Invoke(request);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var answer = new Answer(response.StatusCode, text, response.Headers.ETag?.ToString(), response.Headers.Location?.ToString(), response.Content.Headers.ContentType, response.Content.Headers.Allow.ToList())
        {
            RetryAfter = (int?)response.Headers.RetryAfter?.Delta?.TotalSeconds,
        };
        if (answer.ContentType?.MediaType == "application/problem+json")
        {
            Assert.Empty(MecSpecifications.Mec011ServiceManagement.Problems("ProblemDetails", text));
            Assert.Equal((int)answer.Status, answer.Json!["status"]!.GetValue<int>());
        }

        return answer;
    }

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    /// <summary>An access token from the platform's authorization server for a client registered here.</summary>
    public async Task<string> TokenAsync(string clientId, string? appInstance, params string[] scopes)
    {
        var server = Services.GetRequiredService<AuthorizationServer>();
        var secret = server.RegisterWithSecret(new OAuthClient { ClientId = clientId, Tenant = "operator", AppInstance = appInstance, Scopes = scopes });
        using var granted = await Client.PostAsync(new Uri("/oauth/token", UriKind.Relative),
            new FormUrlEncodedContent([new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret)]));
        var body = await granted.Content.ReadAsStringAsync();
        Assert.True(granted.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["access_token"]!.GetValue<string>();
    }

    public Task<Answer> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>An answer of the platform.</summary>
    internal sealed record Answer(HttpStatusCode Status, string Text, string? ETag, string? Location, MediaTypeHeaderValue? ContentType, List<string> Allow)
    {
        public JsonNode? Json => Text.Length == 0 ? null : JsonNode.Parse(Text);

        public string Detail => Json?["detail"]?.GetValue<string>() ?? string.Empty;

        public int? RetryAfter { get; init; }
    }
}
