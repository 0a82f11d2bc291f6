using System.Net;
using System.Text.Json.Nodes;
using PrecisionCloud.Resources.OpenStack.Client;
using PrecisionCloud.Resources.OpenStack.Tests.Fakes;

namespace PrecisionCloud.Resources.OpenStack.Tests.Client;

public sealed class PaginationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Nova_pages_follow_their_next_links_and_only_the_query_is_taken_from_them()
    {
        using var cloud = new FakeOpenStack();
        cloud.Service = request => Page(request, total: 7, links: (collection, next) => new JsonObject
        {
            [collection] = null,
            [collection + "_links"] = new JsonArray(new JsonObject { ["rel"] = "next", ["href"] = $"https://proxy.elsewhere:443/v2.1/servers/detail?{next}" }),
        }, collection: "servers");
        using var client = Client(cloud, pageSize: 3);

        var names = await OpenStackProvider.ToListAsync(client.Compute.ListServersAsync("name=web", None));

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"s{i}"), names.Select(s => s.Id));
        var pages = cloud.Requests.Where(r => r.RequestUri!.AbsolutePath.EndsWith("/servers/detail", StringComparison.Ordinal)).Select(r => r.RequestUri!).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, uri => Assert.Equal("nova.test", uri.Host));
        Assert.Contains("name=web", pages[2].Query, StringComparison.Ordinal);
        Assert.Contains("marker=s5", pages[2].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Glance_pages_follow_next()
    {
        using var cloud = new FakeOpenStack();
        cloud.Service = request => Page(request, total: 5, links: (_, next) => new JsonObject { ["next"] = $"/v2/images?{next}" }, collection: "images");
        using var client = Client(cloud, pageSize: 2);

        var images = await OpenStackProvider.ToListAsync(client.Image.ListImagesAsync(string.Empty, None));

        Assert.Equal(5, images.Count);
        Assert.All(cloud.Requests.Where(r => r.RequestUri!.Host == "glance.test"), r => Assert.StartsWith("/v2/images", r.RequestUri!.AbsolutePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_links_a_full_page_asks_for_the_next_by_marker_and_a_short_page_ends_the_list()
    {
        using var cloud = new FakeOpenStack();
        cloud.Service = request => Page(request, total: 6, links: null, collection: "networks");
        using var client = Client(cloud, pageSize: 3);

        var networks = await OpenStackProvider.ToListAsync(client.Network.ListNetworksAsync(string.Empty, None));

        Assert.Equal(6, networks.Count);
        Assert.Equal(3, cloud.Requests.Count(r => r.RequestUri!.Host == "neutron.test"));
        Assert.All(cloud.Requests.Where(r => r.RequestUri!.Host == "neutron.test"), r => Assert.Equal("/v2.0/networks", r.RequestUri!.AbsolutePath));
    }

    [Fact]
    public async Task A_service_that_answers_the_same_page_again_ends_the_list_with_an_error_instead_of_looping()
    {
        using var cloud = new FakeOpenStack();
        cloud.Service = _ => FakeOpenStack.Json(HttpStatusCode.OK, """{"volumes": [{"id": "v1"}, {"id": "v2"}], "volumes_links": [{"rel": "next", "href": "http://cinder.test:8776/v3/p1/volumes/detail?limit=2&marker=v2"}]}""");
        using var client = Client(cloud, pageSize: 2);

        var error = await Assert.ThrowsAsync<OpenStackApiException>(() => OpenStackProvider.ToListAsync(client.BlockStorage.ListVolumesAsync(string.Empty, None)));

        Assert.Contains("marker v2 again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keystone_lists_come_whole_and_a_truncated_one_is_an_error()
    {
        using var cloud = new FakeOpenStack();
        var truncated = false;
        cloud.Service = request => FakeOpenStack.Json(HttpStatusCode.OK, new JsonObject
        {
            ["projects"] = new JsonArray([.. Enumerable.Range(0, 150).Select(i => (JsonNode)new JsonObject { ["id"] = $"p{i}", ["name"] = $"p{i}" })]),
            ["links"] = new JsonObject { ["next"] = null, ["self"] = request.RequestUri!.ToString() },
            ["truncated"] = truncated,
        }.ToJsonString());
        using var client = Client(cloud, pageSize: 100);

        Assert.Equal(150, (await OpenStackProvider.ToListAsync(client.Identity.ListProjectsAsync("domain_id=default", None))).Count);
        Assert.DoesNotContain(cloud.Requests, r => r.RequestUri!.Host == "keystone.test" && r.RequestUri.Query.Contains("limit", StringComparison.Ordinal));
        truncated = true;
        var error = await Assert.ThrowsAsync<OpenStackApiException>(() => OpenStackProvider.ToListAsync(client.Identity.ListProjectsAsync(string.Empty, None)));
        Assert.Equal("truncated", error.ErrorType);
    }

    [Fact]
    public async Task Server_groups_page_by_offset()
    {
        using var cloud = new FakeOpenStack();
        cloud.Service = request =>
        {
            var offset = int.Parse(OpenStackTransport.ParameterOf(request.RequestUri!.Query, "offset")!, System.Globalization.CultureInfo.InvariantCulture);
            var limit = int.Parse(OpenStackTransport.ParameterOf(request.RequestUri!.Query, "limit")!, System.Globalization.CultureInfo.InvariantCulture);
            var groups = Enumerable.Range(offset, Math.Max(0, Math.Min(limit, 5 - offset))).Select(i => (JsonNode)new JsonObject { ["id"] = $"g{i}", ["name"] = $"g{i}", ["policy"] = "anti-affinity", ["members"] = new JsonArray() });
            return FakeOpenStack.Json(HttpStatusCode.OK, new JsonObject { ["server_groups"] = new JsonArray([.. groups]) }.ToJsonString());
        };
        using var client = Client(cloud, pageSize: 2);

        var listed = await OpenStackProvider.ToListAsync(client.Compute.ListServerGroupsAsync("all_projects=True", None));

        Assert.Equal(["g0", "g1", "g2", "g3", "g4"], listed.Select(g => g.Id));
        Assert.All(cloud.Requests.Where(r => r.RequestUri!.AbsolutePath.EndsWith("os-server-groups", StringComparison.Ordinal)), r => Assert.Contains("all_projects=True", r.RequestUri!.Query, StringComparison.Ordinal));
    }

    [FsCheck.Xunit.Property(MaxTest = 40)]
    public void Every_item_is_listed_once_in_order_whatever_the_total_and_page_size(FsCheck.NonNegativeInt total, FsCheck.PositiveInt pageSize, bool withLinks)
    {
        var count = total.Get % 60;
        var size = (pageSize.Get % 12) + 1;
        using var cloud = new FakeOpenStack();
        cloud.Service = request => Page(request, count, withLinks ? (collection, next) => new JsonObject
        {
            [collection] = null,
            [collection + "_links"] = new JsonArray(new JsonObject { ["rel"] = "next", ["href"] = $"http://neutron.test:9696/v2.0/ports?{next}" }),
        } : null, "ports");
        using var client = Client(cloud, size);

        var ports = OpenStackProvider.ToListAsync(client.Network.ListPortsAsync(string.Empty, None)).GetAwaiter().GetResult();

        Assert.Equal(Enumerable.Range(0, count).Select(i => $"s{i}"), ports.Select(p => p.Id));
    }

    internal static OpenStackClient Client(FakeOpenStack cloud, int pageSize) =>
#pragma warning disable CA2000 // The client owns nothing here; the handler is the test's.
        new(KeystoneSessionTests.Cloud(), new OpenStackClientOptions { PageSize = pageSize, RetryBaseDelay = TimeSpan.FromMilliseconds(1) }, http: new HttpClient(cloud, disposeHandler: false));
#pragma warning restore CA2000

    /// <summary>A page of items s0..s(total-1) after the request's marker, with next links (when given) only when more remain.</summary>
    private static HttpResponseMessage Page(HttpRequestMessage request, int total, Func<string, string, JsonObject>? links, string collection)
    {
        var query = request.RequestUri!.Query;
        var limit = int.Parse(OpenStackTransport.ParameterOf(query, "limit")!, System.Globalization.CultureInfo.InvariantCulture);
        var marker = OpenStackTransport.ParameterOf(query, "marker");
        var start = marker is null ? 0 : int.Parse(marker[1..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        var items = new JsonArray([.. Enumerable.Range(start, Math.Max(0, Math.Min(limit, total - start))).Select(i => (JsonNode)new JsonObject { ["id"] = $"s{i}", ["status"] = "ACTIVE" })]);
        var more = start + limit < total;
        var body = more && links is not null
            ? links(collection, OpenStackTransport.WithParameter(query, "marker", $"s{start + limit - 1}").TrimStart('?'))
            : new JsonObject();
        body[collection] = items;
        return FakeOpenStack.Json(HttpStatusCode.OK, body.ToJsonString());
    }
}
