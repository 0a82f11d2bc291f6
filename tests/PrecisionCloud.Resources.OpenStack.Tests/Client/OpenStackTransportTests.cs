using System.Net;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Models;
using PrecisionCloud.Resources.OpenStack.Tests.Fakes;

namespace PrecisionCloud.Resources.OpenStack.Tests.Client;

public sealed class OpenStackTransportTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_read_that_meets_503_is_retried_and_succeeds()
    {
        using var cloud = new FakeOpenStack();
        var calls = 0;
        cloud.Service = _ => Interlocked.Increment(ref calls) < 3
            ? FakeOpenStack.Json(HttpStatusCode.ServiceUnavailable, "busy")
            : FakeOpenStack.Json(HttpStatusCode.OK, """{"volume": {"id": "v1", "status": "available", "size": 1}}""");
        using var client = PaginationTests.Client(cloud, 10);

        var volume = await client.BlockStorage.GetVolumeAsync("v1", None);

        Assert.Equal(("available", 3), (volume!.Status, calls));
    }

    [Fact]
    public async Task A_create_that_meets_503_is_not_repeated_since_it_may_have_happened()
    {
        using var cloud = new FakeOpenStack();
        var calls = 0;
        cloud.Service = _ =>
        {
            Interlocked.Increment(ref calls);
            return FakeOpenStack.Json(HttpStatusCode.ServiceUnavailable, """{"NeutronError": {"type": "ServiceUnavailable", "message": "try later", "detail": ""}}""");
        };
        using var client = PaginationTests.Client(cloud, 10);

        var error = await Assert.ThrowsAsync<OpenStackApiException>(() => client.Network.CreateNetworkAsync("n", "d", None));

        Assert.Equal((1, 503, "try later"), (calls, error.StatusCode, error.FaultMessage));
    }

    [Fact]
    public async Task A_conflict_marked_retryable_is_retried_after_the_servers_retry_after_and_gives_up_after_the_limit()
    {
        using var cloud = new FakeOpenStack();
        var calls = 0;
        cloud.Service = _ =>
        {
            Interlocked.Increment(ref calls);
            var response = FakeOpenStack.Json(HttpStatusCode.Conflict, """{"conflictingRequest": {"code": 409, "message": "Cannot 'detach_volume' instance s1 while it is in task_state rebuilding"}}""");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return response;
        };
        using var http = new HttpClient(cloud);
        using var client = new OpenStackClient(KeystoneSessionTests.Cloud(), new OpenStackClientOptions { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1) }, http: http);

        var error = await Assert.ThrowsAsync<OpenStackConflictException>(() => client.Compute.DetachVolumeAsync("s1", "v1", None));

        Assert.Equal(3, calls);
        Assert.Contains("task_state rebuilding", error.FaultMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_an_answer_times_out_with_a_clear_error()
    {
        using var cloud = new FakeOpenStack();
        cloud.ServiceDelay = TimeSpan.FromSeconds(5);
        cloud.Service = _ => FakeOpenStack.Json(HttpStatusCode.OK, "{}");
        using var http = new HttpClient(cloud);
        using var client = new OpenStackClient(KeystoneSessionTests.Cloud(), new OpenStackClientOptions { RequestTimeout = TimeSpan.FromSeconds(1), MaxRetries = 0 }, http: http);

        var error = await Assert.ThrowsAsync<OpenStackException>(() => client.Network.CreateSecurityGroupAsync("g", "d", None));

        Assert.Contains("no answer within 1 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_compute_microversion_is_negotiated_once_and_sent_with_every_request()
    {
        using var cloud = new FakeOpenStack { ComputeVersion = "2.60" };
        cloud.Service = _ => FakeOpenStack.Json(HttpStatusCode.OK, """{"server_group": {"id": "g1", "name": "web", "policies": ["anti-affinity"], "members": []}}""");
        using var client = PaginationTests.Client(cloud, 10);

        var group = await client.Compute.CreateServerGroupAsync("web", "anti-affinity", None);
        await client.Compute.CreateServerGroupAsync("db", "anti-affinity", None);

        Assert.Equal(new Microversion(2, 60), await client.Compute.NegotiateAsync(None));
        Assert.Equal("anti-affinity", group.Policy);
        var posts = cloud.Requests.Where(r => r.Method == HttpMethod.Post && r.RequestUri!.Host == "nova.test").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal(("compute 2.60", "2.60"), (p.Headers.GetValues("OpenStack-API-Version").Single(), p.Headers.GetValues("X-OpenStack-Nova-API-Version").Single())));
        Assert.Single(cloud.Requests, r => r.RequestUri!.AbsolutePath == "/v2.1/");
    }

    [Fact]
    public async Task Endpoints_come_from_the_catalog_by_interface_with_the_api_version_neutron_and_glance_leave_out()
    {
        using var cloud = new FakeOpenStack();
        cloud.Service = _ => FakeOpenStack.Json(HttpStatusCode.OK, """{"networks": [], "images": []}""");
        using var http = new HttpClient(cloud);
        var options = KeystoneSessionTests.Cloud();
        options.Interface = "internal";
        options.RegionName = "RegionOne";
        using var client = new OpenStackClient(options, http: http);

        await OpenStackProvider.ToListAsync(client.Network.ListNetworksAsync(string.Empty, None));
        await OpenStackProvider.ToListAsync(client.Image.ListImagesAsync(string.Empty, None));

        Assert.Contains(cloud.Requests, r => r.RequestUri!.GetLeftPart(UriPartial.Path) == "http://neutron.internal:9696/v2.0/networks");
        Assert.Contains(cloud.Requests, r => r.RequestUri!.GetLeftPart(UriPartial.Path) == "http://glance.internal:9292/v2/images");
        options.RegionName = "Elsewhere";
        using var lost = new OpenStackClient(options, http: http);
        var error = await Assert.ThrowsAsync<OpenStackException>(() => OpenStackProvider.ToListAsync(lost.Network.ListNetworksAsync(string.Empty, None)));
        Assert.Contains("no internal endpoint of 'network' in region Elsewhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_and_tokens_never_reach_the_log()
    {
        using var cloud = new FakeOpenStack();
        cloud.Service = request => request.Method == HttpMethod.Get
            ? FakeOpenStack.Json(HttpStatusCode.ServiceUnavailable, "down")
            : FakeOpenStack.Json(HttpStatusCode.Unauthorized, """{"error": {"code": 401, "message": "nope", "title": "Unauthorized"}}""");
        var logger = new RecordingLogger();
        using var http = new HttpClient(cloud);
        var options = KeystoneSessionTests.Cloud();
        using var client = new OpenStackClient(options, new OpenStackClientOptions { MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(1) }, logger, http: http);

        await Assert.ThrowsAnyAsync<OpenStackException>(() => client.BlockStorage.GetVolumeAsync("v1", None));
        await Assert.ThrowsAnyAsync<OpenStackException>(() => client.Identity.CreateUserAsync("carol", "d", "carols-password", None));

        Assert.NotEmpty(logger.Lines);
        Assert.All(logger.Lines, line => Assert.DoesNotContain("hunter2-secret", line, StringComparison.Ordinal));
        Assert.All(logger.Lines, line => Assert.DoesNotContain("carols-password", line, StringComparison.Ordinal));
        Assert.All(logger.Lines, line => Assert.DoesNotContain("token-", line, StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2-secret", options.ToString(), StringComparison.Ordinal);
        var access = await client.Session.GetAccessAsync(None);
        Assert.DoesNotContain(access.Token, access.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3", new KeystoneApplicationCredential("id", "n", "s3", "p").ToString(), StringComparison.Ordinal);
    }
}
