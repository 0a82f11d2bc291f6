using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PrecisionCloud.Mec.Location;

namespace PrecisionCloud.Mec.Platform.Location;

/// <summary>
/// Where the site's users are, for MEC 013: a source (the user plane, or the simulator) tells it which gNB a user's
/// session uses, and the radio map (<see cref="LocationOptions"/>) turns the gNB into an access point and a zone.
/// Moves between zones are announced to the location subscriptions.
/// </summary>
public sealed class MecLocationTracker
{
    private readonly ConcurrentDictionary<string, UserLocation> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string AccessPointId, string ZoneId)> _gnbs = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Lock _moving = new();
    private ILocationEvents? _events;

    /// <summary>Creates the tracker over the site's radio map.</summary>
    /// <param name="options">The radio map.</param>
    /// <param name="time">The clock.</param>
    public MecLocationTracker(IOptions<LocationOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        Map = options.Value;
        _time = time;
        foreach (var zone in Map.Zones)
        {
            foreach (var accessPoint in zone.AccessPoints)
            {
                foreach (var gnb in accessPoint.GnbAddresses)
                {
                    _gnbs[gnb] = (accessPoint.AccessPointId, zone.ZoneId);
                }
            }
        }
    }

    /// <summary>The radio map.</summary>
    public LocationOptions Map { get; }

    /// <summary>Every user the tracker knows where to find.</summary>
    public IReadOnlyCollection<UserLocation> Users => [.. _users.Values];

    /// <summary>Places a user behind a gNB (its N3 address).</summary>
    /// <param name="address">The user's address (<c>acr:10.45.0.2</c>; an IP address alone gets the prefix).</param>
    /// <param name="gnbAddress">The gNB's N3 address.</param>
    /// <returns>Whether the gNB is on the radio map (a user behind an unknown gNB is not located).</returns>
    public bool Place(string address, string gnbAddress)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        if (!_gnbs.TryGetValue(gnbAddress, out var where))
        {
            Remove(address);
            return false;
        }

        PlaceAt(address, where.AccessPointId, where.ZoneId);
        return true;
    }

    /// <summary>Places a user at an access point directly (the simulator's way).</summary>
    /// <param name="address">The user's address.</param>
    /// <param name="accessPointId">The access point.</param>
    /// <param name="zoneId">Its zone.</param>
    public void PlaceAt(string address, string accessPointId, string zoneId)
    {
        var key = Normalize(address);
        var next = new UserLocation(key, accessPointId, zoneId, _time.GetUtcNow());

        // Moves are announced in the order they happen (subscribers and counts follow that order).
        lock (_moving)
        {
            var previous = _users.GetValueOrDefault(key);
            if (previous is not null && previous.AccessPointId == accessPointId && previous.ZoneId == zoneId)
            {
                return;
            }

            _users[key] = next;
            _events?.Moved(key, previous, next);
        }
    }

    /// <summary>Forgets a user (its session ended).</summary>
    /// <param name="address">The user's address.</param>
    public void Remove(string address)
    {
        var key = Normalize(address);
        lock (_moving)
        {
            if (_users.TryRemove(key, out var previous))
            {
                _events?.Moved(key, previous, null);
            }
        }
    }

    /// <summary>Where a user is, if known.</summary>
    /// <param name="address">The user's address.</param>
    /// <returns>The location, or none.</returns>
    public UserLocation? Find(string address) => _users.GetValueOrDefault(Normalize(address));

    /// <summary>The access point a user is at, on the radio map.</summary>
    internal AccessPointOptions? AccessPointOf(UserLocation user) =>
        Map.Zones.FirstOrDefault(z => z.ZoneId == user.ZoneId)?.AccessPoints.FirstOrDefault(a => a.AccessPointId == user.AccessPointId);

    /// <summary>Where a user is on the earth: its access point's coordinates, when the map has them.</summary>
    internal (double Latitude, double Longitude)? CoordinatesOf(UserLocation user) =>
        AccessPointOf(user) is { Latitude: { } latitude, Longitude: { } longitude } ? (latitude, longitude) : null;

    /// <summary>A user's location as MEC 013 gives it (a point, 3GPP TS 23.032 shape 2), when the map has coordinates.</summary>
    internal LocationInfo? LocationOf(UserLocation user) => LocationOf(AccessPointOf(user));

    /// <summary>An access point's location as MEC 013 gives it, when the map has coordinates.</summary>
    internal static LocationInfo? LocationOf(AccessPointOptions? point) =>
        point is { Latitude: { } latitude, Longitude: { } longitude } ? new LocationInfo { Latitude = [latitude], Longitude = [longitude], Shape = 2 } : null;

    internal void Listen(ILocationEvents events) => _events = events;

    /// <summary>MEC 013 names users by <c>acr:</c> and their address.</summary>
    internal static string Normalize(string address) => address.StartsWith("acr:", StringComparison.Ordinal) ? address : "acr:" + address;
}
