using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Client.Notifications;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;
using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.Client.Tests;

/// <summary>The typed clients against the real platform (conformance mode).</summary>
public sealed class MecClientTests : PlatformTest
{
    private ServiceProvider _provider = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _provider = new ServiceCollection().AddLogging().AddMecClient(o => (o.ApiRoot, o.AppInstanceId) = (Platform.Root, "producer")).BuildServiceProvider();
    }

    public override async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task A_service_is_published_found_updated_with_its_etag_and_withdrawn()
    {
        var services = _provider.GetRequiredService<MecServiceManagementClient>();

        var published = await services.PublishAsync(Video(ServiceState.Active), CancellationToken.None);
        Assert.NotNull(published.ETag);
        Assert.Equal(published.Value.Links!.Self.Href, published.Location!.ToString());
        var found = Assert.Single(await services.DiscoverAsync(new ServiceFilter { Names = ["video"], IsLocal = true }, CancellationToken.None));
        Assert.Equal(published.Value.SerInstanceId, found.SerInstanceId);
        Assert.Empty(await services.DiscoverAsync(new ServiceFilter { Names = ["nothing"] }, CancellationToken.None));
        Assert.Equal(published.Value.SerInstanceId, (await services.GetServiceAsync(found.SerInstanceId!, CancellationToken.None)).SerInstanceId);

        var updated = await services.UpdateAsync(published with { Value = published.Value with { State = ServiceState.Inactive } }, CancellationToken.None);
        Assert.Equal(ServiceState.Inactive, updated.Value.State);

        var stale = await Assert.ThrowsAsync<MecApiException>(() => services.UpdateAsync(published, CancellationToken.None));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Contains("If-Match", stale.Problem!.Detail, StringComparison.Ordinal);

        await services.WithdrawAsync(updated.Value.SerInstanceId!, CancellationToken.None);
        Assert.Empty(await services.GetOwnServicesAsync(CancellationToken.None));
        var gone = await Assert.ThrowsAsync<MecApiException>(() => services.GetServiceAsync(found.SerInstanceId!, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
    }

    [Fact]
    public async Task Notifications_arrive_as_an_async_stream()
    {
        var services = _provider.GetRequiredService<MecServiceManagementClient>();
        await using var listener = await MecNotificationListener.StartAsync(new Uri("http://127.0.0.1:0"), CancellationToken.None);
        var subscription = await services.SubscribeAsync(listener.ServiceAvailabilityCallback, new FilteringCriteria { SerNames = ["video"] }, CancellationToken.None);

        var published = await services.PublishAsync(Video(ServiceState.Active), CancellationToken.None);
        await services.WithdrawAsync(published.Value.SerInstanceId!, CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var changes = new List<ServiceChangeType>();
        await foreach (var notification in listener.ServiceAvailabilityAsync(timeout.Token))
        {
            changes.Add(Assert.Single(notification.ServiceReferences).ChangeType);
            Assert.Equal(subscription.Location!.ToString(), notification.Links.Subscription.Href);
            if (changes.Count == 2)
            {
                break;
            }
        }

        Assert.Equal([ServiceChangeType.Added, ServiceChangeType.Removed], changes);
        await services.UnsubscribeAsync(subscription.Location!, CancellationToken.None);
    }

    [Fact]
    public async Task A_registration_assigns_the_instance_the_client_then_works_as()
    {
        await using var provider = new ServiceCollection().AddLogging().AddMecClient(o => o.ApiRoot = Platform.Root).BuildServiceProvider();
        var support = provider.GetRequiredService<MecApplicationSupportClient>();
        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<MecApplicationIdentity>().Require());

        var registered = await support.RegisterAsync(new AppInfo { AppName = "cache", Endpoint = new EndPointInfo { Uris = ["http://192.0.2.10"] } }, CancellationToken.None);

        Assert.Equal(registered.Value.AppInstanceId, provider.GetRequiredService<MecApplicationIdentity>().AppInstanceId);
        await support.ConfirmReadyAsync(CancellationToken.None);
        Assert.Equal(TimeSourceStatus.NonTraceable, (await support.GetCurrentTimeAsync(CancellationToken.None)).TimeSourceStatus);
        Assert.NotNull(await support.GetTimingCapsAsync(CancellationToken.None));
        await support.DeregisterAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_rule_state_is_set_with_if_match_and_a_refusal_carries_the_reason()
    {
        await Platform.SendAsync(HttpMethod.Put, "/mec_platform_mgmt/v1/app_instances/producer", Bodies.Provisioning(
            "producer", $"[{Bodies.TrafficRule("tr-1")}, {Bodies.TrafficRule("tr-x", action: "DUPLICATE_ENCAPSULATED")}]", $"[{Bodies.DnsRule("dr-1", "p.example")}]"));
        Platform.Rules.Unsupported.Add(TrafficRuleAction.DuplicateEncapsulated);
        var support = _provider.GetRequiredService<MecApplicationSupportClient>();

        var active = await support.SetTrafficRuleStateAsync("tr-1", RuleState.Active, CancellationToken.None);
        Assert.Equal((RuleState.Active, "\"2\""), (active.Value.State, active.ETag));
        Assert.Contains("producer/tr-1", Platform.Rules.Traffic.Keys);
        Assert.Equal(RuleState.Active, (await support.SetDnsRuleStateAsync("dr-1", RuleState.Active, CancellationToken.None)).Value.State);
        Assert.Equal(2, (await support.GetTrafficRulesAsync(CancellationToken.None)).Count);
        Assert.Single(await support.GetDnsRulesAsync(CancellationToken.None));

        var refused = await Assert.ThrowsAsync<MecApiException>(() => support.SetTrafficRuleStateAsync("tr-x", RuleState.Active, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("not supported by this data plane", refused.Message, StringComparison.Ordinal);
    }

    private static ServiceInfo Video(ServiceState state) => new()
    {
        SerName = "video",
        Version = "1.0",
        State = state,
        TransportId = "mec-rest-http",
        Serializer = SerializerType.Json,
    };
}
