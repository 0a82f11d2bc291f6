using System.Net;
using System.Text.Json.Nodes;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;
using PrecisionCloud.Tests.Specifications;

namespace PrecisionCloud.Mec.Platform.Tests.ServiceManagement;

public sealed class ServiceAvailabilityTests : PlatformTest
{
    private const string Api = "/mec_service_mgmt/v1";

    [Fact]
    public async Task A_subscription_answers_201_with_location_and_is_listed()
    {
        var created = await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("consumer")));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Empty(MecSpecifications.Mec011ServiceManagement.Problems("SerAvailabilityNotificationSubscription", created.Text));
        Assert.Equal(created.Location, created.Json!["_links"]!["self"]!["href"]!.GetValue<string>());
        var list = await Platform.GetAsync($"{Api}/applications/consumer/subscriptions");
        Assert.Empty(MecSpecifications.Mec011ServiceManagement.Problems("SubscriptionLinkList", list.Text));
        var link = Assert.Single(list.Json!["_links"]!["subscriptions"]!.AsArray())!;
        Assert.Equal(created.Location, link["href"]!.GetValue<string>());
        Assert.Equal("SerAvailabilityNotificationSubscription", link["subscriptionType"]!.GetValue<string>());
        var one = await Platform.GetAsync(new Uri(created.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal(Callbacks.Url("consumer"), one.Json!["callbackReference"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subscribers_hear_of_added_changed_and_removed_services_with_the_etsi_shape()
    {
        var subscription = await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("consumer")));

        var created = await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("video"));
        var path = new Uri(created.Location!).AbsolutePath;
        var added = await NextAsync("consumer");
        await Platform.SendAsync(HttpMethod.Put, path, Bodies.Service("video", state: "INACTIVE"));
        var stateChanged = await NextAsync("consumer");
        await Platform.SendAsync(HttpMethod.Put, path, Bodies.Service("video", state: "INACTIVE", category: "media"));
        var attributesChanged = await NextAsync("consumer");
        await Platform.SendAsync(HttpMethod.Delete, path);
        var removed = await NextAsync("consumer");

        Assert.Equal(["ADDED", "STATE_CHANGED", "ATTRIBUTES_CHANGED", "REMOVED"], new[] { added, stateChanged, attributesChanged, removed }.Select(ChangeOf));
        Assert.Equal("SerAvailabilityNotification", added["notificationType"]!.GetValue<string>());
        Assert.Equal(subscription.Location, added["_links"]!["subscription"]!["href"]!.GetValue<string>());
        Assert.Equal(created.Json!["serInstanceId"]!.GetValue<string>(), added["serviceReferences"]![0]!["serInstanceId"]!.GetValue<string>());
        Assert.Equal("INACTIVE", stateChanged["serviceReferences"]![0]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Filtering_criteria_choose_what_a_subscriber_hears()
    {
        await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("names"), """{"serNames": ["location"]}"""));
        await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("categories"), """{"serCategories": [{"href": "http://catalogue/media", "id": "media", "name": "media", "version": "1"}], "states": ["ACTIVE"]}"""));
        await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("remote"), """{"isLocal": false}"""));

        await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("video", category: "media"));
        await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("cache", state: "INACTIVE", category: "media"));
        await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("location", category: "rni"));

        Assert.Equal("location", (await NextAsync("names"))["serviceReferences"]![0]!["serName"]!.GetValue<string>());
        Assert.Equal("video", (await NextAsync("categories"))["serviceReferences"]![0]!["serName"]!.GetValue<string>());
        await Task.Delay(300);
        Assert.Empty(Callbacks.Drain("names"));
        Assert.Empty(Callbacks.Drain("categories"));
        Assert.Empty(Callbacks.Drain("remote"));
    }

    [Theory]
    [InlineData("""{"subscriptionType": "Wrong", "callbackReference": "http://127.0.0.1/cb"}""", "subscriptionType")]
    [InlineData("""{"subscriptionType": "SerAvailabilityNotificationSubscription", "callbackReference": "not a uri"}""", "callbackReference")]
    [InlineData("""{"subscriptionType": "SerAvailabilityNotificationSubscription", "callbackReference": "ftp://127.0.0.1/cb"}""", "callbackReference")]
    [InlineData("""{"subscriptionType": "SerAvailabilityNotificationSubscription"}""", "callbackReference")]
    [InlineData("""{"subscriptionType": "SerAvailabilityNotificationSubscription", "callbackReference": "http://127.0.0.1/cb", "filteringCriteria": {"serNames": ["a"], "serInstanceIds": ["b"]}}""", "filteringCriteria")]
    [InlineData("""{"subscriptionType": "SerAvailabilityNotificationSubscription", "callbackReference": "http://127.0.0.1/cb", "filteringCriteria": {"states": ["SLEEPING"]}}""", "$.filteringCriteria.states")]
    public async Task A_bad_subscription_gets_400_naming_the_field_and_is_not_stored(string body, string field)
    {
        var answer = await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(field, answer.Detail, StringComparison.Ordinal);
        var list = await Platform.GetAsync($"{Api}/applications/consumer/subscriptions");
        Assert.Empty(list.Json!["_links"]!["subscriptions"]!.AsArray());
    }

    [Fact]
    public async Task A_deleted_subscription_hears_nothing_more()
    {
        var subscription = await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("consumer")));
        var path = new Uri(subscription.Location!).AbsolutePath;

        Assert.Equal(HttpStatusCode.NoContent, (await Platform.SendAsync(HttpMethod.Delete, path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.GetAsync(path)).Status);
        await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("video"));
        await Task.Delay(300);
        Assert.Empty(Callbacks.Drain("consumer"));
    }

    [Fact]
    public async Task A_service_whose_heartbeats_stop_is_suspended_and_a_heartbeat_brings_it_back()
    {
        await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("consumer"), """{"serNames": ["video"]}"""));
        var created = await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("video", livenessInterval: 1));
        Assert.Equal(1, created.Json!["livenessInterval"]!.GetValue<int>());
        var liveness = new Uri(created.Json["_links"]!["liveness"]!["href"]!.GetValue<string>()).AbsolutePath;
        Assert.Equal("ADDED", ChangeOf(await NextAsync("consumer")));

        var first = await Platform.GetAsync(liveness);
        Assert.Empty(MecSpecifications.Mec011ServiceManagement.Problems("ServiceLivenessInfo", first.Text));
        Assert.Equal("ACTIVE", first.Json!["state"]!.GetValue<string>());

        var suspended = await NextAsync("consumer", TimeSpan.FromSeconds(6));
        Assert.Equal("STATE_CHANGED", ChangeOf(suspended));
        Assert.Equal("SUSPENDED", suspended["serviceReferences"]![0]!["state"]!.GetValue<string>());
        Assert.Equal("SUSPENDED", (await Platform.GetAsync(new Uri(created.Location!).AbsolutePath)).Json!["state"]!.GetValue<string>());

        var heartbeat = await Platform.SendAsync(HttpMethod.Patch, liveness, """{"state": "ACTIVE"}""");
        Assert.Equal(HttpStatusCode.OK, heartbeat.Status);
        Assert.Empty(MecSpecifications.Mec011ServiceManagement.Problems("ServiceLivenessInfo", heartbeat.Text));
        Assert.Equal("ACTIVE", heartbeat.Json!["state"]!.GetValue<string>());
        Assert.Equal("ACTIVE", (await NextAsync("consumer"))["serviceReferences"]![0]!["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await Platform.SendAsync(HttpMethod.Patch, liveness, """{"state": "ACTIVE"}""")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Platform.SendAsync(HttpMethod.Patch, liveness, """{"state": "INACTIVE"}""")).Status);
    }

    [Fact]
    public async Task A_service_without_heartbeats_has_no_liveness_resource()
    {
        var created = await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("video"));

        Assert.Null(created.Json!["_links"]!["liveness"]);
        Assert.Null(created.Json["livenessInterval"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.GetAsync(new Uri(created.Location!).AbsolutePath + "/liveness")).Status);
    }

    [Fact]
    public async Task A_proposed_interval_of_zero_gets_the_platforms_interval()
    {
        var created = await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("video", livenessInterval: 0));

        Assert.Equal(60, created.Json!["livenessInterval"]!.GetValue<int>());
    }

    private async Task<JsonNode> NextAsync(string subscriber, TimeSpan? within = null)
    {
        var notification = await Callbacks.NextAsync(subscriber, within);
        Assert.Empty(MecSpecifications.Mec011ServiceManagement.Problems("ServiceAvailabilityNotification", notification.ToJsonString()));
        return notification;
    }

    private static string ChangeOf(JsonNode notification) => notification["serviceReferences"]![0]!["changeType"]!.GetValue<string>();
}
