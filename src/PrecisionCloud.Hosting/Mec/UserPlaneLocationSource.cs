using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrecisionCloud.Mec.Platform.Location;

namespace PrecisionCloud.Hosting.Mec;

/// <summary>
/// The user plane as the MEC platform's location source: every <see cref="LocationOptions.SourcePollInterval"/> it
/// places each session's UE behind the gNB its downlink is tunnelled to, and forgets the UEs whose sessions ended.
/// </summary>
internal sealed class UserPlaneLocationSource(UserPlane.UserPlane userPlane, MecLocationTracker tracker, IOptions<LocationOptions> options, TimeProvider time) : BackgroundService
{
    private HashSet<string> _placed = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Zones.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SourcePollInterval, time);
        do
        {
            Poll();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    internal void Poll()
    {
        var now = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attachment in userPlane.GetAttachments())
        {
            if (attachment is { UeAddress: { } ue, GnbAddress: { } gnb })
            {
                var address = ue.ToString();
                if (tracker.Place(address, gnb.ToString()))
                {
                    now.Add(address);
                }
            }
        }

        foreach (var gone in _placed.Where(a => !now.Contains(a)))
        {
            tracker.Remove(gone);
        }

        _placed = now;
    }
}
