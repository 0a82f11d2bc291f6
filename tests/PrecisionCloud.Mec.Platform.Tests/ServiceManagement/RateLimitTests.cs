using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;

namespace PrecisionCloud.Mec.Platform.Tests.ServiceManagement;

/// <summary>With the site's rate limiter registered, a caller over its rate gets 429 with Retry-After and a problem body.</summary>
public sealed class RateLimitTests : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private PlatformHost _platform = null!;

    public async Task InitializeAsync() => _platform = await PlatformHost.StartAsync(_directory.Path, services: s => s.AddPrecisionCloudRateLimits(o =>
    {
        o.Client.PerSecond = 2;
        o.Client.Burst = 5;
    }));

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Requests_over_the_rate_get_429_with_retry_after_and_nothing_is_stored()
    {
        var answers = new List<PlatformHost.Answer>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 12; i++)
        {
            answers.Add(await _platform.PostAsync("/mec_service_mgmt/v1/applications/producer/services", Bodies.Service($"s{i}")));
        }

        // A burst of 5 (one spent on the start-up request) and 2 more per second while the requests ran.
        var allowed = 5 + (int)Math.Ceiling(clock.Elapsed.TotalSeconds * 2);
        var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(12 - refused.Count, 1, allowed);
        Assert.NotEmpty(refused);
        Assert.All(refused, a => Assert.Contains("over its request rate", a.Detail, StringComparison.Ordinal));
        Assert.All(refused, a => Assert.InRange(a.RetryAfter!.Value, 1, 2));
        var created = answers.Count(a => a.Status == HttpStatusCode.Created);
        Assert.Equal(12, created + refused.Count);

        await Task.Delay(TimeSpan.FromSeconds(3));
        var listed = await _platform.GetAsync("/mec_service_mgmt/v1/applications/producer/services");
        Assert.Equal(created, listed.Json!.AsArray().Count);
    }
}
