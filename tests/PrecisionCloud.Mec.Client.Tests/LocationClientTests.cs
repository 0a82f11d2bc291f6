using Microsoft.Extensions.DependencyInjection;
using PrecisionCloud.Mec.Client.Notifications;
using PrecisionCloud.Mec.Location;
using PrecisionCloud.Mec.Platform.Location;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;

namespace PrecisionCloud.Mec.Client.Tests;

/// <summary>The location client against the real platform with a radio map of two zones.</summary>
public sealed class LocationClientTests : PlatformTest
{
    private ServiceProvider _provider = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _provider = new ServiceCollection().AddLogging().AddMecClient(o => (o.ApiRoot, o.AppInstanceId) = (Platform.Root, "watcher")).BuildServiceProvider();
    }

    public override async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await base.DisposeAsync();
    }

    internal override void ConfigureServices(IServiceCollection services) => services.Configure<LocationOptions>(map =>
    {
        foreach (var (zone, gnb) in new[] { ("hall", "192.168.10.1"), ("yard", "192.168.20.1") })
        {
            var options = new ZoneOptions { ZoneId = zone };
            var accessPoint = new AccessPointOptions { AccessPointId = zone + "-ap" };
            accessPoint.GnbAddresses.Add(gnb);
            options.AccessPoints.Add(accessPoint);
            map.Zones.Add(options);
        }
    });

    [Fact]
    public async Task Users_zones_and_zone_events_reach_the_application()
    {
        var tracker = Platform.Services.GetRequiredService<MecLocationTracker>();
        var location = _provider.GetRequiredService<MecLocationClient>();
        await using var listener = await MecNotificationListener.StartAsync(new Uri("http://127.0.0.1:0"), CancellationToken.None);
        tracker.Place("10.45.0.2", "192.168.10.1");

        Assert.Equal(["hall", "yard"], (await location.GetZonesAsync(CancellationToken.None)).Select(z => z.ZoneId));
        Assert.Equal(1, (await location.GetZoneAsync("hall", CancellationToken.None)).NumberOfUsers);
        Assert.Equal("hall-ap", Assert.Single(await location.GetAccessPointsAsync("hall", CancellationToken.None)).AccessPointId);
        Assert.Equal("acr:10.45.0.2", Assert.Single(await location.GetUsersAsync(["hall"], null, null, CancellationToken.None)).Address);
        Assert.Empty(await location.GetUsersAsync(null, null, ["acr:10.45.0.9"], CancellationToken.None));

        var subscription = await location.SubscribeToZoneAsync("yard", listener.ZoneLocationCallback, null, CancellationToken.None);
        var follow = await location.SubscribeToUserAsync("acr:10.45.0.2", listener.UserLocationCallback, [LocationEventType.EnteringArea], CancellationToken.None);
        tracker.Place("10.45.0.2", "192.168.20.1");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var zoneEvent in listener.ZoneLocationEventsAsync(timeout.Token))
        {
            Assert.Equal(("yard", LocationEventType.EnteringArea, "acr:10.45.0.2"), (zoneEvent.ZoneId, zoneEvent.UserLocationEvent, zoneEvent.Address));
            Assert.Equal(subscription.Location!.ToString(), zoneEvent.Links.Subscription.Href);
            break;
        }

        await foreach (var userEvent in listener.UserLocationEventsAsync(timeout.Token))
        {
            Assert.Equal(("yard", "yard-ap"), (userEvent.ZoneId, userEvent.AccessPointId));
            break;
        }

        await location.UnsubscribeAsync(subscription.Location!, CancellationToken.None);
        await location.UnsubscribeAsync(follow.Location!, CancellationToken.None);
    }

    [Fact]
    public async Task Zone_events_arrive_over_the_websocket_the_platform_opens()
    {
        var tracker = Platform.Services.GetRequiredService<MecLocationTracker>();
        var location = _provider.GetRequiredService<MecLocationClient>();

        var (subscription, receiver) = await location.SubscribeToZoneOverWebSocketAsync("hall", [LocationEventType.EnteringArea], CancellationToken.None);
        await using (receiver)
        {
            Assert.StartsWith("ws://", subscription.Value.WebsockNotifConfig!.WebsocketUri, StringComparison.Ordinal);
            tracker.Place("10.45.0.5", "192.168.10.1");

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await foreach (var entered in receiver.ZoneLocationEventsAsync(timeout.Token))
            {
                Assert.Equal(("hall", "acr:10.45.0.5"), (entered.ZoneId, entered.Address));
                break;
            }
        }
    }
}
