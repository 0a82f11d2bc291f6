using System.Diagnostics;
using System.Net;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;
using PrecisionCloud.Tests.Http;

namespace PrecisionCloud.Mec.Platform.Tests.Notifications;

public sealed class OutboxTests : PlatformTest
{
    private const string Api = "/mec_service_mgmt/v1";

    internal override void Configure(MecPlatformOptions options) => options.Notifications.MaxAttempts = 4;

    [Fact]
    public async Task A_failing_callback_is_retried_until_it_accepts()
    {
        Callbacks.AnswerFirst("flaky", 500, 503, 429);
        await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("flaky")));

        await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("video"));

        var delivered = await Callbacks.NextAsync("flaky");
        Assert.Equal("video", delivered["serviceReferences"]![0]!["serName"]!.GetValue<string>());
        Assert.Empty((await Platform.GetAsync("/mec_platform_mgmt/v1/dead_letters")).Json!.AsArray());
    }

    [Fact]
    public async Task A_refused_or_exhausted_notification_becomes_a_dead_letter_operators_can_read()
    {
        Callbacks.AnswerFirst("gone", 404);
        Callbacks.AnswerFirst("broken", 500, 500, 500, 500, 500);
        await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("gone")));
        await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("broken")));

        await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("video"));

        var letters = await WaitForDeadLettersAsync(2);
        var gone = letters.Single(l => l!["callback"]!.GetValue<string>() == Callbacks.Url("gone"))!;
        Assert.Equal(1, gone["attempts"]!.GetValue<int>());
        Assert.Contains("refused: HTTP 404", gone["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var broken = letters.Single(l => l!["callback"]!.GetValue<string>() == Callbacks.Url("broken"))!;
        Assert.Equal(4, broken["attempts"]!.GetValue<int>());
        Assert.Contains("4 attempts failed, the last: HTTP 500", broken["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("\"serName\":\"video\"", broken["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_subscriber_does_not_hold_up_the_others()
    {
        Callbacks.AnswerSlowly("slow", TimeSpan.FromSeconds(3));
        await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("slow")));
        await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("fast")));

        var clock = Stopwatch.StartNew();
        await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("video"));
        await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("radio"));
        await Callbacks.NextAsync("fast");
        await Callbacks.NextAsync("fast");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the fast subscriber waited {clock.Elapsed} behind the slow one");
    }

    [Fact]
    public async Task Notifications_for_one_subscriber_arrive_in_order()
    {
        await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("ordered")));
        Callbacks.AnswerFirst("ordered", 503);

        for (var i = 0; i < 20; i++)
        {
            await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service($"s{i:D2}"));
        }

        var names = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            names.Add((await Callbacks.NextAsync("ordered"))["serviceReferences"]![0]!["serName"]!.GetValue<string>());
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"s{i:D2}"), names);
    }

    [Fact]
    public async Task Undelivered_notifications_survive_a_restart_and_are_delivered_after_it()
    {
        await using var late = await CallbackReceiver.StartAsync();
        var callback = late.Url("late");
        var port = late.Root.Port;
        await late.DisposeAsync();
        await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", Bodies.ServiceSubscription(callback));
        await RestartAsync(options => options.Notifications.MaxAttempts = 1000);
        await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("video"));
        await Task.Delay(300);

        await RestartAsync(options => options.Notifications.MaxAttempts = 1000);
        await using var back = await CallbackReceiver.StartAsync(port);

        var delivered = await back.NextAsync("late", TimeSpan.FromSeconds(10));
        Assert.Equal("video", delivered["serviceReferences"]![0]!["serName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Everything_acknowledged_is_there_after_a_restart()
    {
        var service = await Platform.PostAsync($"{Api}/applications/producer/services", Bodies.Service("video", livenessInterval: 30));
        var subscription = await Platform.PostAsync($"{Api}/applications/consumer/subscriptions", Bodies.ServiceSubscription(Callbacks.Url("consumer")));
        var registration = await Platform.PostAsync("/mec_app_support/v2/registrations", """{"appName": "r", "endpoint": {"uris": ["http://192.0.2.1"]}}""");

        await RestartAsync();

        var again = await Platform.GetAsync(new Uri(service.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(service.Text, again.Text);
        Assert.Equal(service.ETag, again.ETag);
        Assert.Equal(HttpStatusCode.OK, (await Platform.GetAsync(new Uri(subscription.Location!).AbsolutePath)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Platform.GetAsync(new Uri(registration.Location!).AbsolutePath)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Platform.GetAsync(new Uri(service.Json!["_links"]!["liveness"]!["href"]!.GetValue<string>()).AbsolutePath)).Status);
    }

    private async Task<System.Text.Json.Nodes.JsonArray> WaitForDeadLettersAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var letters = (await Platform.GetAsync("/mec_platform_mgmt/v1/dead_letters")).Json!.AsArray();
            if (letters.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.Equal(count, letters.Count);
                return letters;
            }

            await Task.Delay(100);
        }
    }
}
