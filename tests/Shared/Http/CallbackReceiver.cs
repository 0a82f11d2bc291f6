using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PrecisionCloud.Tests.Http;

/// <summary>
/// Subscribers' callback endpoints on a real loopback HTTP server: each path keeps what was posted to it, and may be
/// told to answer with given statuses first or to answer slowly.
/// </summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Channel<JsonNode>> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _answers = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new();

    private CallbackReceiver(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Where it listens (a port the system chose unless one was given).</summary>
    public Uri Root { get; private set; } = null!;

    public static async Task<CallbackReceiver> StartAsync(int? port = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port ?? 0));
        var app = builder.Build();
        var receiver = new CallbackReceiver(app);
        app.MapPost("/{**path}", receiver.ReceiveAsync);
        await app.StartAsync();
        receiver.Root = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    /// <summary>The callback URI of a named subscriber.</summary>
    public string Url(string name) => new Uri(Root, "/" + name).ToString();

    /// <summary>Answers the next posts to a subscriber with these statuses, then 204.</summary>
    public void AnswerFirst(string name, params int[] statuses)
    {
        var queue = _answers.GetOrAdd("/" + name, _ => new ConcurrentQueue<int>());
        foreach (var status in statuses)
        {
            queue.Enqueue(status);
        }
    }

    /// <summary>Answers every post to a subscriber only after a delay.</summary>
    public void AnswerSlowly(string name, TimeSpan delay) => _delays["/" + name] = delay;

    /// <summary>The next notification posted to a subscriber.</summary>
    public async Task<JsonNode> NextAsync(string name, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        try
        {
            return await Inbox("/" + name).Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no notification reached callback '{name}' within {(within ?? TimeSpan.FromSeconds(10)).TotalSeconds} s");
        }
    }

    /// <summary>Every notification posted to a subscriber so far, without waiting.</summary>
    public List<JsonNode> Drain(string name)
    {
        List<JsonNode> all = [];
        while (Inbox("/" + name).Reader.TryRead(out var item))
        {
            all.Add(item);
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Channel<JsonNode> Inbox(string path) => _received.GetOrAdd(path, _ => Channel.CreateUnbounded<JsonNode>());

    private async Task ReceiveAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        if (_delays.TryGetValue(path, out var delay))
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        if (_answers.TryGetValue(path, out var answers) && answers.TryDequeue(out var status))
        {
            context.Response.StatusCode = status;
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        await Inbox(path).Writer.WriteAsync(body!, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
