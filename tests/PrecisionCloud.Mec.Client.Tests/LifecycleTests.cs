using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Client.Lifecycle;
using PrecisionCloud.Mec.Client.Notifications;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;

namespace PrecisionCloud.Mec.Client.Tests;

public sealed class LifecycleTests : PlatformTest
{
    [Fact]
    public async Task An_application_serves_until_terminated_then_cleans_up_and_confirms()
    {
        Assert.Equal(HttpStatusCode.Created, (await Platform.SendAsync(HttpMethod.Put, "/mec_platform_mgmt/v1/app_instances/app-1", Bodies.Provisioning("app"))).Status);
        await using var provider = new ServiceCollection().AddLogging().AddMecClient(o => (o.ApiRoot, o.AppInstanceId) = (Platform.Root, "app-1")).BuildServiceProvider();
        await using var listener = await MecNotificationListener.StartAsync(new Uri("http://127.0.0.1:0"), CancellationToken.None);
        var lifecycle = new MecApplicationLifecycle(provider.GetRequiredService<MecApplicationSupportClient>(), listener, NullLogger<MecApplicationLifecycle>.Instance);
        var serving = new TaskCompletionSource();
        var servedUntilCancelled = false;
        AppTerminationNotification? cleanedUpFor = null;

        var run = lifecycle.RunAsync(
            registration: null,
            async token =>
            {
                serving.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                catch (OperationCanceledException)
                {
                    servedUntilCancelled = true;
                    throw;
                }
            },
            (notice, _) =>
            {
                cleanedUpFor = notice;
                return Task.CompletedTask;
            },
            CancellationToken.None);
        await serving.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("READY", (await Platform.GetAsync("/mec_platform_mgmt/v1/app_instances/app-1")).Json!["phase"]!.GetValue<string>());

        await Platform.SendAsync(HttpMethod.Post, "/mec_platform_mgmt/v1/app_instances/app-1/terminate", """{"maxGracefulTimeout": 30}""");
        var notice = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(servedUntilCancelled);
        Assert.Same(notice, cleanedUpFor);
        Assert.Equal(OperationAction.Terminating, notice!.OperationAction);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.GetAsync("/mec_platform_mgmt/v1/app_instances/app-1")).Status);
    }
}
