using System.Net;
using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrecisionCloud.Mec.Platform;

namespace PrecisionCloud.Mec.Benchmarks;

/// <summary>
/// One service change fanned out to 1,000 subscribers' callbacks: the whole path of the running platform (PUT on
/// the service over HTTP, the commit with 1,000 outbox rows, per-subscriber delivery, the outbox marked delivered),
/// measured until the last callback has the notification. Callbacks are a Kestrel server in the same process on
/// loopback that answers at once or after 5 ms. Baseline, in the same run: the same 1,000 notification bodies
/// posted one after the other by one client (delivery without per-subscriber queues).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class FanOutBenchmarks
{
    private const int Subscribers = 1_000;
    private readonly HttpClient _client = new();
    private WebApplication _platform = null!;
    private WebApplication _callbacks = null!;
    private string _directory = null!;
    private Uri _service = null!;
    private Uri _callbackRoot = null!;
    private string _notification = null!;
    private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _received;
    private int _state;

    /// <summary>How long each callback takes to answer: 0 on loopback, 5 ms like a subscriber across a network.</summary>
    [Params(0, 5)]
    public int CallbackMilliseconds { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Directory.CreateTempSubdirectory("mec-fanout-").FullName;
        var callbackPort = FreePort();
        _callbackRoot = new Uri($"http://127.0.0.1:{callbackPort}");
        var callbacks = WebApplication.CreateSlimBuilder();
        callbacks.Logging.ClearProviders();
        callbacks.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, callbackPort));
        _callbacks = callbacks.Build();
        _callbacks.MapPost("/{**path}", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            if (CallbackMilliseconds > 0)
            {
                await Task.Delay(CallbackMilliseconds);
            }

            if (Interlocked.Increment(ref _received) == Subscribers)
            {
                _all.TrySetResult();
            }

            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        await _callbacks.StartAsync();

        var platformPort = FreePort();
        var root = new Uri($"http://127.0.0.1:{platformPort}");
        var platform = WebApplication.CreateSlimBuilder();
        platform.Logging.ClearProviders();
        platform.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, platformPort));
        platform.Services.AddMecPlatform(o => (o.ConformanceMode, o.ApiRoot, o.DatabasePath) = (true, root, Path.Combine(_directory, "mec.db")));
        _platform = platform.Build();
        _platform.MapMecPlatform();
        await _platform.StartAsync();

        _client.BaseAddress = root;
        for (var i = 0; i < Subscribers; i++)
        {
            using var subscribed = await _client.PostAsync(new Uri($"/mec_service_mgmt/v1/applications/consumer-{i}/subscriptions", UriKind.Relative), Json(
                $$"""{"subscriptionType": "SerAvailabilityNotificationSubscription", "callbackReference": "{{_callbackRoot}}s{{i}}"}"""));
            subscribed.EnsureSuccessStatusCode();
        }

        await ResetAsync();
        using var created = await _client.PostAsync(new Uri("/mec_service_mgmt/v1/applications/producer/services", UriKind.Relative), Json(Service("ACTIVE")));
        created.EnsureSuccessStatusCode();
        _service = created.Headers.Location!;
        await _all.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _notification = $$"""{"notificationType":"SerAvailabilityNotification","serviceReferences":[{"serName":"video","serInstanceId":"x","state":"ACTIVE","changeType":"STATE_CHANGED"}],"_links":{"subscription":{"href":"{{root}}"} } }""";
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _platform.StopAsync();
        await _platform.DisposeAsync();
        await _callbacks.StopAsync();
        await _callbacks.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public async Task Platform_one_change_to_1000_callbacks()
    {
        await ResetAsync();
        var state = (_state++ % 2 == 0) ? "INACTIVE" : "ACTIVE";
        using var changed = await _client.PutAsync(_service, Json(Service(state)));
        changed.EnsureSuccessStatusCode();
        await _all.Task;
    }

    [Benchmark(Baseline = true)]
    public async Task Naive_sequential_posts()
    {
        await ResetAsync();
        for (var i = 0; i < Subscribers; i++)
        {
            using var posted = await _client.PostAsync(new Uri(_callbackRoot, $"s{i}"), Json(_notification));
            posted.EnsureSuccessStatusCode();
        }

        await _all.Task;
    }

    private Task ResetAsync()
    {
        Volatile.Write(ref _received, 0);
        _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return Task.CompletedTask;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Service(string state) => $$"""
        {"serName": "video", "version": "1", "state": "{{state}}", "transportId": "mec-rest-http", "serializer": "JSON"}
        """;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
