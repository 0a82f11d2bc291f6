using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrecisionCloud.Mec.Client.Http;
using PrecisionCloud.Tests.Http;

namespace PrecisionCloud.Mec.Client.Tests;

/// <summary>Retries against a server that is busy first: what is retried, how long the client waits, what is not retried.</summary>
public sealed class RetryTests : IAsyncLifetime
{
    private readonly Queue<(int Status, string? RetryAfter)> _answers = new();
    private WebApplication _server = null!;
    private ServiceProvider _provider = null!;
    private int _requests;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        _server = builder.Build();
        _server.Run(async context =>
        {
            Interlocked.Increment(ref _requests);
            (int Status, string? RetryAfter) answer;
            lock (_answers)
            {
                answer = _answers.Count > 0 ? _answers.Dequeue() : (200, null);
            }

            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfter is { } after)
            {
                context.Response.Headers.RetryAfter = after;
            }

            if (answer.Status == 200)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("[]");
            }
        });
        await _server.StartAsync();
        _provider = new ServiceCollection().AddLogging()
            .AddMecClient(o => (o.ApiRoot, o.AppInstanceId, o.RetryDelay, o.MaxRetries) = (new Uri($"http://127.0.0.1:{port}"), "a", TimeSpan.FromMilliseconds(20), 3))
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Busy_answers_are_retried_and_retry_after_is_honoured()
    {
        Answer((429, "1"), (503, null));
        var clock = Stopwatch.StartNew();

        var services = await _provider.GetRequiredService<MecServiceManagementClient>().DiscoverAsync(null, CancellationToken.None);

        Assert.Empty(services);
        Assert.Equal(3, _requests);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"the client waited {clock.Elapsed}, less than Retry-After: 1");
    }

    [Fact]
    public async Task Retries_stop_after_the_limit_with_the_platforms_answer()
    {
        Answer((503, null), (503, null), (503, null), (503, null), (503, null));

        var error = await Assert.ThrowsAsync<MecApiException>(() => _provider.GetRequiredService<MecServiceManagementClient>().DiscoverAsync(null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal(4, _requests);
    }

    [Fact]
    public async Task A_post_is_not_retried_after_a_bad_gateway_but_a_get_is()
    {
        Answer((502, null));
        var post = await Assert.ThrowsAsync<MecApiException>(() => _provider.GetRequiredService<MecApplicationSupportClient>().ConfirmReadyAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadGateway, post.Status);
        Assert.Equal(1, _requests);

        Answer((502, null));
        await _provider.GetRequiredService<MecServiceManagementClient>().DiscoverAsync(null, CancellationToken.None);
        Assert.Equal(3, _requests);
    }

    [Fact]
    public void The_wait_doubles_with_jitter_and_is_capped()
    {
        var options = new MecClientOptions { RetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromSeconds(1) };

        for (var attempt = 0; attempt < 8; attempt++)
        {
            var wait = MecRetryHandler.Backoff(attempt, null, options);
            var full = Math.Min(100 * Math.Pow(2, attempt), 1000);
            Assert.InRange(wait.TotalMilliseconds, full / 2, full);
        }

        Assert.Equal(TimeSpan.FromSeconds(1), MecRetryHandler.Backoff(0, TimeSpan.FromMinutes(5), options));
    }

    private void Answer(params (int, string?)[] answers)
    {
        lock (_answers)
        {
            foreach (var answer in answers)
            {
                _answers.Enqueue(answer);
            }
        }
    }
}
