using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace PrecisionCloud.Resources.OpenStack.Tests.Fakes;

/// <summary>
/// An in-process stand-in for Keystone and the services' HTTP answers, for what a real cloud cannot be made to do
/// on demand (tokens that expire in a second, a 503 on the third call, a slow authentication): tokens are issued with
/// a chosen lifetime and counted; every other request goes to the test's handler.
/// </summary>
internal sealed class FakeOpenStack : HttpMessageHandler
{
    public const string AuthUrl = "http://keystone.test:5000/v3";
    private int _issued;

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an authentication takes.</summary>
    public TimeSpan AuthenticationDelay { get; set; }

    /// <summary>When set, authentications fail with this status.</summary>
    public HttpStatusCode? AuthenticationFailure { get; set; }

    public int Authentications => Volatile.Read(ref _issued);

    /// <summary>The newest microversion Nova's version document (<c>GET /v2.1/</c>) names.</summary>
    public string ComputeVersion { get; set; } = "2.93";

    /// <summary>How long every service request waits before it is answered (cancellable).</summary>
    public TimeSpan ServiceDelay { get; set; }

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public ConcurrentQueue<string> AuthenticationBodies { get; } = new();

    /// <summary>Answers every request that is not an authentication.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage> Service { get; set; } = _ => Json(HttpStatusCode.NotFound, """{"itemNotFound": {"code": 404, "message": "no such thing"}}""");

    public static HttpResponseMessage Json(HttpStatusCode status, string body, string? requestId = "req-fake")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (requestId is not null)
        {
            response.Headers.TryAddWithoutValidation("x-openstack-request-id", requestId);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath == "/v3/auth/tokens")
        {
            AuthenticationBodies.Enqueue(await request.Content!.ReadAsStringAsync(cancellationToken));
            if (AuthenticationDelay > TimeSpan.Zero)
            {
                await Task.Delay(AuthenticationDelay, cancellationToken);
            }

            if (AuthenticationFailure is { } failure)
            {
                return Json(failure, """{"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}}""");
            }

            var number = Interlocked.Increment(ref _issued);
            var now = Time.GetUtcNow();
            var token = new JsonObject
            {
                ["token"] = new JsonObject
                {
                    ["issued_at"] = now.ToString("O"),
                    ["expires_at"] = (now + TokenLifetime).ToString("O"),
                    ["user"] = new JsonObject { ["id"] = "u1" },
                    ["project"] = new JsonObject { ["id"] = "p1" },
                    ["roles"] = new JsonArray(new JsonObject { ["name"] = "admin" }),
                    ["catalog"] = new JsonArray(
                        CatalogEntry("compute", "http://nova.test:8774/v2.1"),
                        CatalogEntry("network", "http://neutron.test:9696"),
                        CatalogEntry("image", "http://glance.test:9292"),
                        CatalogEntry("volumev3", "http://cinder.test:8776/v3/p1"),
                        CatalogEntry("placement", "http://placement.test:8778"),
                        CatalogEntry("identity", "http://keystone.test:5000/v3/")),
                },
            };
            var response = Json(HttpStatusCode.Created, token.ToJsonString());
            response.Headers.TryAddWithoutValidation("X-Subject-Token", $"token-{number}");
            return response;
        }

        if (request.RequestUri!.AbsolutePath == "/v2.1/" && request.RequestUri.Host.StartsWith("nova.", StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.OK, "{\"version\": {\"id\": \"v2.1\", \"status\": \"CURRENT\", \"version\": \"" + ComputeVersion + "\", \"min_version\": \"2.1\"}}");
        }

        if (ServiceDelay > TimeSpan.Zero)
        {
            await Task.Delay(ServiceDelay, cancellationToken);
        }

        return Service(request);
    }

    private static JsonObject CatalogEntry(string type, string url) => new()
    {
        ["type"] = type,
        ["endpoints"] = new JsonArray(
            new JsonObject { ["interface"] = "public", ["region_id"] = "RegionOne", ["url"] = url },
            new JsonObject { ["interface"] = "internal", ["region_id"] = "RegionOne", ["url"] = url.Replace(".test", ".internal", StringComparison.Ordinal) }),
    };
}
