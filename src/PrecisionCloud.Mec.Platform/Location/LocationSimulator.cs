using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PrecisionCloud.Mec.Platform.Location;

/// <summary>Simulated users for demonstrations: placed at random access points of the radio map, one moving every interval.</summary>
internal sealed class LocationSimulator(MecLocationTracker tracker, IOptions<LocationOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Simulator;
        var points = options.Value.Zones.SelectMany(z => z.AccessPoints.Select(a => (z.ZoneId, a.AccessPointId))).ToArray();
        if (!settings.Enabled || points.Length == 0 || settings.Users <= 0)
        {
            return;
        }

        var random = new Random(42);
        var users = Enumerable.Range(0, settings.Users).Select(i => $"acr:10.255.{i / 250}.{(i % 250) + 1}").ToArray();
        foreach (var user in users)
        {
            var (zone, point) = points[random.Next(points.Length)];
            tracker.PlaceAt(user, point, zone);
        }

        using var timer = new PeriodicTimer(settings.MoveInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var (zone, point) = points[random.Next(points.Length)];
            tracker.PlaceAt(users[random.Next(users.Length)], point, zone);
        }
    }
}
