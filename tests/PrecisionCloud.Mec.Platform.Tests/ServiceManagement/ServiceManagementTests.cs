using System.Net;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;
using PrecisionCloud.Tests.Specifications;

namespace PrecisionCloud.Mec.Platform.Tests.ServiceManagement;

public sealed class ServiceManagementTests : PlatformTest
{
    private const string Api = "/mec_service_mgmt/v1";

    [Fact]
    public async Task A_published_service_answers_201_with_location_etag_and_links_and_is_discovered()
    {
        var created = await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("video"));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        AssertServiceInfo(created.Text);
        var id = created.Json!["serInstanceId"]!.GetValue<string>();
        Assert.Equal($"{Platform.Root.ToString().TrimEnd('/')}{Api}/applications/producer/services/{id}", created.Location);
        Assert.Equal(created.Location, created.Json["_links"]!["self"]!["href"]!.GetValue<string>());
        Assert.NotNull(created.ETag);
        Assert.True(created.Json["isLocal"]!.GetValue<bool>());

        var all = await Platform.GetAsync($"{Api}/services");
        Assert.Equal(HttpStatusCode.OK, all.Status);
        var listed = Assert.Single(all.Json!.AsArray());
        AssertServiceInfo(listed!.ToJsonString());
        var one = await Platform.GetAsync($"{Api}/services/{id}");
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal("video", one.Json!["serName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Discovery_filters_by_instance_name_category_locality_and_refuses_two_selectors()
    {
        var video = await CreateAsync("producer", Bodies.Service("video", category: "media"));
        await CreateAsync("producer", Bodies.Service("location", category: "rni"));
        await CreateAsync("other", Bodies.Service("radio", category: "rni"));

        Assert.Equal(["video"], await NamesAsync($"{Api}/services?ser_instance_id={video}"));
        Assert.Equal(["location", "video"], await NamesAsync($"{Api}/services?ser_name=video,location"));
        Assert.Equal(["location", "video"], await NamesAsync($"{Api}/services?ser_name=video&ser_name=location"));
        Assert.Equal(["location", "radio"], await NamesAsync($"{Api}/services?ser_category_id=rni"));
        Assert.Equal(["location", "radio", "video"], await NamesAsync($"{Api}/services?scope_of_locality=MEC_HOST&consumed_local_only=true&is_local=true"));
        Assert.Empty(await NamesAsync($"{Api}/services?is_local=false"));
        Assert.Empty(await NamesAsync($"{Api}/services?scope_of_locality=ZONE"));
        Assert.Equal(["radio"], await NamesAsync($"{Api}/applications/other/services"));

        var both = await Platform.GetAsync($"{Api}/services?ser_name=video&ser_category_id=rni");
        Assert.Equal(HttpStatusCode.BadRequest, both.Status);
        Assert.Contains("ser_name", both.Detail, StringComparison.Ordinal);
        var badScope = await Platform.GetAsync($"{Api}/services?scope_of_locality=GALAXY");
        Assert.Equal(HttpStatusCode.BadRequest, badScope.Status);
        Assert.Contains("scope_of_locality", badScope.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_over_long_uri_gets_414_and_an_unacceptable_accept_header_406()
    {
        var longQuery = await Platform.GetAsync($"{Api}/services?ser_name={new string('a', 3000)}");
        Assert.Equal(HttpStatusCode.RequestUriTooLong, longQuery.Status);
        Assert.Contains("request URI", longQuery.Detail, StringComparison.Ordinal);

        var html = await Platform.SendAsync(HttpMethod.Get, $"{Api}/services", adjust: r => r.Headers.Accept.ParseAdd("text/html"));
        Assert.Equal(HttpStatusCode.NotAcceptable, html.Status);
        var wildcard = await Platform.SendAsync(HttpMethod.Get, $"{Api}/services", adjust: r => r.Headers.Accept.ParseAdd("text/html, */*;q=0.1"));
        Assert.Equal(HttpStatusCode.OK, wildcard.Status);
    }

    [Fact]
    public async Task A_method_a_resource_lacks_gets_405_with_allow()
    {
        var answer = await Platform.SendAsync(HttpMethod.Delete, $"{Api}/services");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal(["GET"], answer.Allow);
        var put = await Platform.SendAsync(HttpMethod.Put, $"{Api}/applications/a/services", "{}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.Status);
        Assert.Equal(["GET", "POST"], put.Allow);
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_gets_412_and_changes_nothing()
    {
        var created = await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("video"));
        var path = new Uri(created.Location!).AbsolutePath;

        var updated = await Platform.SendAsync(HttpMethod.Put, path, Bodies.Service("video", state: "INACTIVE"), r => r.Headers.IfMatch.ParseAdd(created.ETag!));
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        AssertServiceInfo(updated.Text);
        Assert.NotEqual(created.ETag, updated.ETag);

        var stale = await Platform.SendAsync(HttpMethod.Put, path, Bodies.Service("video", state: "ACTIVE"), r => r.Headers.IfMatch.ParseAdd(created.ETag!));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Contains(updated.ETag!, stale.Detail, StringComparison.Ordinal);
        var now = await Platform.GetAsync(path);
        Assert.Equal("INACTIVE", now.Json!["state"]!.GetValue<string>());
        Assert.Equal(updated.ETag, now.ETag);
    }

    [Fact]
    public async Task A_deleted_service_is_gone()
    {
        var created = await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("video"));
        var path = new Uri(created.Location!).AbsolutePath;

        Assert.Equal(HttpStatusCode.NoContent, (await Platform.SendAsync(HttpMethod.Delete, path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.SendAsync(HttpMethod.Delete, path)).Status);
        Assert.Empty((await Platform.GetAsync($"{Api}/services")).Json!.AsArray());
    }

    [Fact]
    public async Task An_application_cannot_read_or_change_another_applications_service_through_its_own_path()
    {
        var created = await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("video"));
        var id = created.Json!["serInstanceId"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NotFound, (await Platform.GetAsync($"{Api}/applications/intruder/services/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.SendAsync(HttpMethod.Delete, $"{Api}/applications/intruder/services/{id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Platform.GetAsync($"{Api}/services/{id}")).Status);
    }

    public static TheoryData<string, HttpStatusCode, string> BadServices => new()
    {
        { "{\"serName\": ", HttpStatusCode.BadRequest, "not valid JSON" },
        { Bodies.Service("video").Replace("\"serializer\": \"JSON\"", "\"serializer\": \"YAML\"", StringComparison.Ordinal), HttpStatusCode.BadRequest, "$.serializer" },
        { Bodies.Service("video").Replace("\"version\": \"3.1.1\"", "\"version\": 3", StringComparison.Ordinal), HttpStatusCode.BadRequest, "$.version" },
        { Bodies.Service("video").Replace("\"state\": \"ACTIVE\",", string.Empty, StringComparison.Ordinal), HttpStatusCode.BadRequest, "state" },
        { Bodies.Service("video").Replace("\"serName\": \"video\",", "\"serName\": \"video\", \"serInstanceId\": \"mine\",", StringComparison.Ordinal), HttpStatusCode.BadRequest, "serInstanceId" },
        { Bodies.Service("video").Replace("\"serializer\"", "\"transportId\": \"carrier-pigeon\", \"serializer\"", StringComparison.Ordinal), HttpStatusCode.BadRequest, "transportInfo" },
        { Bodies.Service("video").Replace("\"serName\": \"video\"", "\"serName\": null", StringComparison.Ordinal), HttpStatusCode.BadRequest, "$.serName" },
        { "[]", HttpStatusCode.BadRequest, "$" },
        { "null", HttpStatusCode.BadRequest, "$" },
        { Bodies.Service(new string('x', 300_000)), HttpStatusCode.RequestEntityTooLarge, "body" },
    };

    [Theory]
    [MemberData(nameof(BadServices))]
    public async Task A_bad_body_gets_a_problem_naming_the_field_and_stores_nothing(string body, HttpStatusCode status, string field)
    {
        await CreateAsync("producer", Bodies.Service("kept"));

        var answer = await Platform.PostAsync($"{Api}/applications/producer/services", body);

        Assert.Equal(status, answer.Status);
        Assert.Contains(field, answer.Detail, StringComparison.Ordinal);
        Assert.Equal(["kept"], await NamesAsync($"{Api}/services"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415()
    {
        var answer = await Platform.SendAsync(HttpMethod.Post, $"{Api}/applications/producer/services", adjust: r => r.Content = new StringContent("<serviceInfo/>", System.Text.Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Contains("Content-Type", answer.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_may_name_the_platforms_transport_and_transports_advertise_oauth()
    {
        var transports = await Platform.GetAsync($"{Api}/transports");
        Assert.Equal(HttpStatusCode.OK, transports.Status);
        var transport = Assert.Single(transports.Json!.AsArray())!;
        Assert.Empty(MecSpecifications.Mec011ServiceManagement.Problems("TransportInfo", transport.ToJsonString()));
        Assert.Equal("OAUTH2_CLIENT_CREDENTIALS", transport["security"]!["oAuth2Info"]!["grantTypes"]![0]!.GetValue<string>());

        var body = Bodies.Service("video");
        var start = body.IndexOf("\"transportInfo\"", StringComparison.Ordinal);
        var end = body.IndexOf("\"serializer\"", StringComparison.Ordinal);
        var created = await Platform.PostAsync($"{Api}/applications/producer/services", body[..start] + $"\"transportId\": \"{transport["id"]}\",\n" + body[end..]);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        AssertServiceInfo(created.Text);
        Assert.Equal(transport["id"]!.GetValue<string>(), created.Json!["transportInfo"]!["id"]!.GetValue<string>());
        Assert.Null(created.Json["transportId"]);
    }

    private async Task<string> CreateAsync(string app, string body)
    {
        var created = await Platform.PostAsync($"{Api}/applications/{app}/services", body);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return created.Json!["serInstanceId"]!.GetValue<string>();
    }

    private async Task<string[]> NamesAsync(string path)
    {
        var answer = await Platform.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return [.. answer.Json!.AsArray().Select(s => s!["serName"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
    }

    internal static void AssertServiceInfo(string json) =>
        Assert.Empty(MecSpecifications.Mec011ServiceManagement.Problems("ServiceInfo", json));
}
