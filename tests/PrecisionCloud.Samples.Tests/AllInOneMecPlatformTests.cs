using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PrecisionCloud.Tests;
using PrecisionCloud.Tests.Http;

namespace PrecisionCloud.Samples.Tests;

/// <summary>The MEC platform as the all-in-one sample serves it: conformance mode on loopback, state in SQLite.</summary>
public sealed class AllInOneMecPlatformTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("aio-mec-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task A_fresh_start_serves_mp1_with_links_at_the_address_it_listens_on()
    {
        var (site, address) = await StartAsync();
        await using (site)
        {
            using var http = new HttpClient { BaseAddress = address };

            using var services = await http.GetAsync(new Uri("/mec_service_mgmt/v1/services", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, services.StatusCode);
            Assert.Equal("[]", await services.Content.ReadAsStringAsync());

            using var created = await http.PostAsync(new Uri("/mec_service_mgmt/v1/applications/app-1/services", UriKind.Relative), Json(Service("video")));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.StartsWith(address.ToString().TrimEnd('/') + "/mec_service_mgmt/v1/applications/app-1/services/", created.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task After_kill_9_under_a_write_load_everything_acknowledged_is_there_and_undelivered_notifications_are_delivered()
    {
        var callbackPort = FreePort.Next();
        var callback = $"http://127.0.0.1:{callbackPort}/watcher";
        var acknowledged = new ConcurrentBag<string>();
        string subscription;
        string ruleState;
        string? unacknowledgedRuleState;
        var (site, address) = await StartAsync();
        await using (site)
        {
            using var http = new HttpClient { BaseAddress = address };
            using var provisioned = await http.PutAsync(new Uri("/mec_platform_mgmt/v1/app_instances/writer", UriKind.Relative), Json("""
                {"appName": "writer", "trafficRules": [{"trafficRuleId": "tr-1", "filterType": "FLOW", "priority": 1, "trafficFilter": [{"dstAddress": ["192.0.2.1/32"]}], "action": "DROP", "state": "INACTIVE"}]}
                """));
            Assert.Equal(HttpStatusCode.Created, provisioned.StatusCode);
            using var subscribed = await http.PostAsync(new Uri("/mec_service_mgmt/v1/applications/watcher/subscriptions", UriKind.Relative),
                Json($$"""{"subscriptionType": "SerAvailabilityNotificationSubscription", "callbackReference": "{{callback}}"}"""));
            Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
            subscription = subscribed.Headers.Location!.AbsolutePath;
            using var ready = await http.PostAsync(new Uri("/mec_app_support/v2/applications/writer/confirm_ready", UriKind.Relative), Json("""{"indication": "READY"}"""));
            Assert.Equal(HttpStatusCode.NoContent, ready.StatusCode);

            // Four writers publish services as fast as the platform acknowledges them, a fifth flips the rule; then SIGKILL.
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        using var answer = await http.PostAsync(new Uri("/mec_service_mgmt/v1/applications/writer/services", UriKind.Relative), Json(Service($"s-{w}-{i}")), stop.Token);
                        if (answer.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add(answer.Headers.Location!.AbsolutePath);
                        }
                    }
                    catch (Exception error) when (error is HttpRequestException or OperationCanceledException)
                    {
                        return;
                    }
                }
            })).ToList();
            var lastRuleState = "INACTIVE";
            string? inFlightState = null;
            var flipper = Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var state = i % 2 == 0 ? "ACTIVE" : "INACTIVE";
                    inFlightState = state;
                    try
                    {
                        using var answer = await http.PutAsync(new Uri("/mec_app_support/v2/applications/writer/traffic_rules/tr-1", UriKind.Relative), Json($$"""
                            {"trafficRuleId": "tr-1", "filterType": "FLOW", "priority": 1, "trafficFilter": [{"dstAddress": ["192.0.2.1/32"]}], "action": "DROP", "state": "{{state}}"}
                            """), stop.Token);
                        if (answer.StatusCode == HttpStatusCode.OK)
                        {
                            lastRuleState = state;
                            inFlightState = null;
                        }
                        else if (answer.StatusCode != HttpStatusCode.Conflict)
                        {
                            Assert.Fail($"rule PUT answered {answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
                        }
                    }
                    catch (Exception error) when (error is HttpRequestException or OperationCanceledException)
                    {
                        return;
                    }
                }
            });

            await Task.Delay(TimeSpan.FromSeconds(2));
            site.Process.Kill();
            await site.Process.WaitForExitAsync();
            await stop.CancelAsync();
            await Task.WhenAll([.. writers, flipper]);
            ruleState = lastRuleState;
            unacknowledgedRuleState = inFlightState;
        }

        Assert.True(acknowledged.Count > 20, $"only {acknowledged.Count} services were acknowledged before the kill");
        var (again, address2) = await StartAsync();
        await using (again)
        {
            using var http = new HttpClient { BaseAddress = address2 };
            foreach (var service in acknowledged)
            {
                using var read = await http.GetAsync(new Uri(service, UriKind.Relative));
                Assert.True(read.StatusCode == HttpStatusCode.OK, $"{service} was acknowledged and is gone after the restart");
            }

            using (var stillSubscribed = await http.GetAsync(new Uri(subscription, UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, stillSubscribed.StatusCode);
            }

            // The last acknowledged state, or the one of a change the kill caught after its commit and before its answer.
            using var rule = await http.GetAsync(new Uri("/mec_app_support/v2/applications/writer/traffic_rules/tr-1", UriKind.Relative));
            var stored = JsonNode.Parse(await rule.Content.ReadAsStringAsync())!["state"]!.GetValue<string>();
            Assert.True(stored == ruleState || stored == unacknowledgedRuleState, $"rule state {stored}: acknowledged {ruleState}, in flight {unacknowledgedRuleState}");

            // The watcher's callback was down all along: every acknowledged service's ADDED notice waits in the outbox.
            await using var watcher = await CallbackReceiver.StartAsync(callbackPort);
            var announced = new HashSet<string>(StringComparer.Ordinal);
            var expected = acknowledged.Select(path => path[(path.LastIndexOf('/') + 1)..]).ToHashSet(StringComparer.Ordinal);
            while (!expected.IsSubsetOf(announced))
            {
                var notice = await watcher.NextAsync("watcher", TimeSpan.FromSeconds(30));
                announced.Add(notice["serviceReferences"]![0]!["serInstanceId"]!.GetValue<string>());
            }
        }
    }

    private Task<(SiteProcess Site, Uri Address)> StartAsync() =>
        SiteProcess.StartAsync("dotnet",
            [SampleBinaries.AllInOneDll, $"--PrecisionCloud:Mec:DatabasePath={Path.Combine(_data.FullName, "mec.db")}", "--PrecisionCloud:Mec:Notifications:MaxRetryDelay=00:00:01", "--PrecisionCloud:Mec:Notifications:MaxAttempts=1000"],
            SampleBinaries.AllInOneDirectory, StartTimeout);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Service(string name) => $$"""
        {"serName": "{{name}}", "version": "1", "state": "ACTIVE", "transportId": "mec-rest-http", "serializer": "JSON"}
        """;
}
