using System.Net;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;
using PrecisionCloud.Tests.Specifications;

namespace PrecisionCloud.Mec.Platform.Tests.ApplicationSupport;

public sealed class LifecycleTests : PlatformTest
{
    private const string Support = "/mec_app_support/v2";
    private const string Services = "/mec_service_mgmt/v1";
    private const string Management = "/mec_platform_mgmt/v1";

    [Fact]
    public async Task An_instance_is_not_offered_to_others_until_it_confirms_ready()
    {
        await ProvisionAsync("producer");
        await Platform.PostAsync($"{Services}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("consumer")));
        var created = await Platform.PostAsync($"{Services}/applications/producer/services", Bodies.Service("video"));
        Assert.Equal(HttpStatusCode.Created, created.Status);

        Assert.Empty((await Platform.GetAsync($"{Services}/services")).Json!.AsArray());
        Assert.Single((await Platform.GetAsync($"{Services}/applications/producer/services")).Json!.AsArray());
        await Task.Delay(200);
        Assert.Empty(Callbacks.Drain("consumer"));

        var ready = await Platform.PostAsync($"{Support}/applications/producer/confirm_ready", """{"indication": "READY"}""");
        Assert.Equal(HttpStatusCode.NoContent, ready.Status);
        Assert.Single((await Platform.GetAsync($"{Services}/services")).Json!.AsArray());
        var added = await Callbacks.NextAsync("consumer");
        Assert.Equal("ADDED", added["serviceReferences"]![0]!["changeType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Termination_notifies_waits_for_confirmation_then_removes_services_and_rules()
    {
        await ProvisionAsync("producer", $"[{Bodies.TrafficRule("tr-1", state: "ACTIVE")}]");
        await Platform.PostAsync($"{Support}/applications/producer/confirm_ready", """{"indication": "READY"}""");
        var subscription = await Platform.PostAsync($"{Support}/applications/producer/subscriptions",
            $$"""{"subscriptionType": "AppTerminationNotificationSubscription", "callbackReference": "{{Callbacks.Url("producer")}}", "appInstanceId": "producer"}""");
        Assert.Equal(HttpStatusCode.Created, subscription.Status);
        Assert.Empty(MecSpecifications.Mec011ApplicationSupport.Problems("AppTerminationNotificationSubscription", subscription.Text));
        await Platform.PostAsync($"{Services}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("consumer")));
        await Platform.PostAsync($"{Services}/applications/producer/services", Bodies.Service("video"));
        Assert.Equal("ADDED", (await Callbacks.NextAsync("consumer"))["serviceReferences"]![0]!["changeType"]!.GetValue<string>());
        Assert.Single(Platform.Rules.Traffic);

        var terminating = await Platform.SendAsync(HttpMethod.Post, $"{Management}/app_instances/producer/terminate", """{"operationAction": "STOPPING", "maxGracefulTimeout": 30}""");
        Assert.Equal(HttpStatusCode.Accepted, terminating.Status);
        Assert.Equal("TERMINATING", terminating.Json!["phase"]!.GetValue<string>());
        var notice = await Callbacks.NextAsync("producer");
        Assert.Empty(MecSpecifications.Mec011ApplicationSupport.Problems("AppTerminationNotification", notice.ToJsonString()));
        Assert.Equal("STOPPING", notice["operationAction"]!.GetValue<string>());
        Assert.Equal(30, notice["maxGracefulTimeout"]!.GetValue<int>());
        Assert.Equal(subscription.Location, notice["_links"]!["subscription"]!["href"]!.GetValue<string>());
        var confirm = new Uri(notice["_links"]!["confirmTermination"]!["href"]!.GetValue<string>()).AbsolutePath;

        // Still there while it finishes; a wrong action is refused.
        Assert.Single((await Platform.GetAsync($"{Services}/services")).Json!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await Platform.PostAsync(confirm, """{"operationAction": "TERMINATING"}""")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await Platform.PostAsync(confirm, """{"operationAction": "STOPPING"}""")).Status);

        Assert.Equal("REMOVED", (await Callbacks.NextAsync("consumer"))["serviceReferences"]![0]!["changeType"]!.GetValue<string>());
        Assert.Empty((await Platform.GetAsync($"{Services}/services")).Json!.AsArray());
        Assert.Empty(Platform.Rules.Traffic);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.GetAsync($"{Management}/app_instances/producer")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.PostAsync(confirm, """{"operationAction": "STOPPING"}""")).Status);
    }

    [Fact]
    public async Task Without_a_confirmation_the_platform_goes_on_after_the_graceful_timeout()
    {
        await ProvisionAsync("producer");
        await Platform.PostAsync($"{Support}/applications/producer/confirm_ready", """{"indication": "READY"}""");
        await Platform.PostAsync($"{Support}/applications/producer/subscriptions",
            $$"""{"subscriptionType": "AppTerminationNotificationSubscription", "callbackReference": "{{Callbacks.Url("producer")}}", "appInstanceId": "producer"}""");
        await Platform.PostAsync($"{Services}/applications/producer/services", Bodies.Service("video"));

        await Platform.SendAsync(HttpMethod.Post, $"{Management}/app_instances/producer/terminate", """{"maxGracefulTimeout": 1}""");
        Assert.Equal("TERMINATING", (await Callbacks.NextAsync("producer"))["operationAction"]!.GetValue<string>());

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline && (await Platform.GetAsync($"{Management}/app_instances/producer")).Status == HttpStatusCode.OK)
        {
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Platform.GetAsync($"{Management}/app_instances/producer")).Status);
        Assert.Empty((await Platform.GetAsync($"{Services}/services")).Json!.AsArray());
    }

    [Fact]
    public async Task A_terminating_instance_may_not_publish_and_confirmation_outside_termination_is_a_conflict()
    {
        await ProvisionAsync("producer");
        Assert.Equal(HttpStatusCode.Conflict, (await Platform.PostAsync($"{Support}/applications/producer/confirm_termination", """{"operationAction": "TERMINATING"}""")).Status);
        await Platform.PostAsync($"{Support}/applications/producer/subscriptions",
            $$"""{"subscriptionType": "AppTerminationNotificationSubscription", "callbackReference": "{{Callbacks.Url("producer")}}", "appInstanceId": "producer"}""");
        await Platform.SendAsync(HttpMethod.Post, $"{Management}/app_instances/producer/terminate", "{}");

        var refused = await Platform.PostAsync($"{Services}/applications/producer/services", Bodies.Service("late"));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("terminating", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_management_sees_which_required_services_are_not_offered_yet()
    {
        var provisioned = await Platform.SendAsync(HttpMethod.Put, $"{Management}/app_instances/consumer",
            """{"appName": "consumer", "appServiceRequired": [{"serName": "video", "version": "3.1.1"}, {"serName": "radio", "version": "1"}]}""");
        Assert.Equal(["video 3.1.1", "radio 1"], provisioned.Json!["missingRequiredServices"]!.AsArray().Select(s => s!.GetValue<string>()));

        await Platform.PostAsync($"{Services}/applications/producer/services", Bodies.Service("video"));

        var status = await Platform.GetAsync($"{Management}/app_instances/consumer");
        Assert.Equal(["radio 1"], status.Json!["missingRequiredServices"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task An_instance_subscribes_only_to_its_own_termination()
    {
        var answer = await Platform.PostAsync($"{Support}/applications/producer/subscriptions",
            $$"""{"subscriptionType": "AppTerminationNotificationSubscription", "callbackReference": "{{Callbacks.Url("producer")}}", "appInstanceId": "someone-else"}""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("appInstanceId", answer.Detail, StringComparison.Ordinal);
    }

    private async Task ProvisionAsync(string app, string trafficRules = "[]")
    {
        var answer = await Platform.SendAsync(HttpMethod.Put, $"{Management}/app_instances/{app}", Bodies.Provisioning(app, trafficRules));
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Null(answer.Json!["refusedRules"]);
    }
}
