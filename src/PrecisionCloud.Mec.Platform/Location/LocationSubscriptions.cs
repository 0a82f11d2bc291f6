using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.Mec.Location;
using PrecisionCloud.Mec.Platform.Notifications;
using PrecisionCloud.Mec.Platform.Registry;
using PrecisionCloud.Mec.Platform.Storage;

namespace PrecisionCloud.Mec.Platform.Location;

/// <summary>
/// MEC 013 zone and user location event subscriptions: stored like the platform's other state, told of users moving
/// between zones by the tracker, and notifying through the outbox. Subscriptions past their expiry deadline end.
/// </summary>
internal sealed partial class LocationSubscriptions : ILocationEvents, IDisposable
{
    private readonly ConcurrentDictionary<string, StoredLocationSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _zoneUsers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Zone, string AccessPoint), int> _accessPointUsers = [];
    private readonly ConcurrentDictionary<string, (DateTimeOffset Next, int Sent)> _periodic = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _distanceMet = new(StringComparer.Ordinal);
    private readonly Channel<(string Address, UserLocation? From, UserLocation? To)> _moves = Channel.CreateUnbounded<(string, UserLocation?, UserLocation?)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly IMecPlatformStore _store;
    private readonly INotificationQueue _notifications;
    private readonly MecPlatformOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LocationSubscriptions> _logger;

    public LocationSubscriptions(IMecPlatformStore store, INotificationQueue notifications, MecLocationTracker tracker, IOptions<MecPlatformOptions> options, TimeProvider time, ILogger<LocationSubscriptions> logger)
    {
        _store = store;
        _notifications = notifications;
        _options = options.Value;
        _time = time;
        _logger = logger;
        Tracker = tracker;
        tracker.Listen(this);
    }

    public MecLocationTracker Tracker { get; }

    public IEnumerable<StoredLocationSubscription> All => _subscriptions.Values;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var record in await _store.LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (record.Kind is MecRecordKind.LocationSubscription)
            {
                var subscription = JsonSerializer.Deserialize(record.Body, PlatformJsonContext.Default.StoredLocationSubscription)!;
                _subscriptions[subscription.SubscriptionId] = subscription;
                if (subscription.Periodic is not null && subscription.PeriodicNextReport is { } next)
                {
                    _periodic[subscription.SubscriptionId] = (next, subscription.PeriodicReportsSent);
                }
            }
        }
    }

    /// <summary>Starts turning moves into notifications (after the outbox resumed, so nothing is queued twice).</summary>
    public void StartDelivering() => _ = Task.Run(() => DeliverMovesAsync(CancellationToken.None), CancellationToken.None);

    public void Moved(string address, UserLocation? from, UserLocation? to) => _moves.Writer.TryWrite((address, from, to));

    public StoredLocationSubscription? Find(string subscriptionId, string? caller) =>
        _subscriptions.TryGetValue(subscriptionId, out var subscription) && Visible(subscription, caller) ? subscription : null;

    public static bool Visible(StoredLocationSubscription subscription, string? caller) => caller is null || subscription.Owner is null || subscription.Owner == caller;

    /// <summary>Creates or replaces a subscription; answers an error for what the platform cannot deliver.</summary>
    public async Task<Outcome<StoredLocationSubscription>> PutAsync(StoredLocationSubscription subscription, bool replace, Uri self, CancellationToken cancellationToken)
    {
        var webSocket = subscription.WebsockNotifConfig?.RequestWebsocketUri == true;
        if (!webSocket && (subscription.Callback is not { } callback || !Uri.TryCreate(callback, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            return MecError.BadRequest("callbackReference", "required: an absolute http or https URI (or websockNotifConfig.requestWebsocketUri true)");
        }

        if (subscription.ExpiryDeadline is { } deadline && DateTimeOffset.FromUnixTimeSeconds(deadline.Seconds) <= _time.GetUtcNow())
        {
            return MecError.BadRequest("expiryDeadline", "is in the past");
        }

        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (replace && !_subscriptions.ContainsKey(subscription.SubscriptionId))
            {
                return MecError.NotFound($"subscription {subscription.SubscriptionId}");
            }

            var links = new SelfLinks(new LinkType(self.ToString()));
            var websocket = webSocket ? new WebsockNotifConfig(WebSocketUri(self, subscription.SubscriptionId), true) : null;
            var stored = subscription.WithLinks(links, websocket);
            List<OutgoingNotification> notifications = [];
            if (!replace && stored.RequestTestNotification == true)
            {
                notifications.Add(Notification(stored, new InlineTestNotification(new TestNotification { Links = new NotificationLinks(links.Self) }), MecJsonTypes.InlineTestNotification));
            }

            if (stored.Distance is { } distance)
            {
                var met = DistanceMet(distance);
                _distanceMet[stored.SubscriptionId] = met;
                if (met && distance.CheckImmediate)
                {
                    notifications.Add(DistanceNotification(stored, distance));
                }
            }

            var pending = await _store.CommitAsync(
                [MecStoreChange.Put(MecRecordKind.LocationSubscription, stored.SubscriptionId, JsonSerializer.Serialize(stored, PlatformJsonContext.Default.StoredLocationSubscription))],
                notifications,
                CancellationToken.None).ConfigureAwait(false);
            var before = _subscriptions.GetValueOrDefault(stored.SubscriptionId);
            _subscriptions[stored.SubscriptionId] = stored;
            _notifications.Enqueue(pending);
            var target = stored.WebSocketUri ?? stored.Callback;
            if (replace && target is not null && target != (before?.WebSocketUri ?? before?.Callback))
            {
                var retargeted = new Uri(target, UriKind.Absolute);
                await _store.RetargetAsync(stored.SubscriptionId, retargeted, CancellationToken.None).ConfigureAwait(false);
                _notifications.Retarget(stored.SubscriptionId, retargeted);
            }

            return stored;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<bool> DeleteAsync(string subscriptionId, string? caller, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Find(subscriptionId, caller) is not { } subscription)
            {
                return false;
            }

            await RemoveAsync(subscription).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Ends the subscriptions whose expiry deadline passed.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var expired = _subscriptions.Values.Where(s => s.ExpiryDeadline is { } deadline && deadline.Seconds <= now).ToList();
        if (expired.Count == 0)
        {
            return 0;
        }

        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var ended = 0;
            foreach (var candidate in expired)
            {
                // A PUT may have moved the deadline since the snapshot.
                if (_subscriptions.GetValueOrDefault(candidate.SubscriptionId) is { ExpiryDeadline: { } deadline } subscription && deadline.Seconds <= now)
                {
                    await RemoveAsync(subscription).ConfigureAwait(false);
                    Log.Expired(_logger, subscription.SubscriptionId);
                    ended++;
                }
            }

            return ended;
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>Ends a subscription; its undelivered notifications go too, unless its last report is among them.</summary>
    private async Task RemoveAsync(StoredLocationSubscription subscription, bool keepPending = false)
    {
        await _store.CommitAsync([MecStoreChange.Remove(MecRecordKind.LocationSubscription, subscription.SubscriptionId)], [], CancellationToken.None).ConfigureAwait(false);
        _periodic.TryRemove(subscription.SubscriptionId, out _);
        _distanceMet.TryRemove(subscription.SubscriptionId, out _);
        _subscriptions.TryRemove(subscription.SubscriptionId, out _);
        if (!keepPending)
        {
            _notifications.Forget(subscription.SubscriptionId);
            await _store.DiscardAsync(subscription.SubscriptionId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Turns moves between zones into notifications, one commit per move, in the order the moves happened.</summary>
    private async Task DeliverMovesAsync(CancellationToken cancellationToken)
    {
        await foreach (var (address, from, to) in _moves.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                // Under the writer: a subscription deleted meanwhile hears nothing more, counts change in move order.
                await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var notifications = from?.ZoneId == to?.ZoneId ? [] : Notifications(address, from, to);
                    notifications.AddRange(StatusNotifications(from, to));
                    notifications.AddRange(AreaNotifications(address, from, to));
                    notifications.AddRange(DistanceNotifications(address));
                    if (notifications.Count > 0)
                    {
                        _notifications.Enqueue(await _store.CommitAsync([], notifications, CancellationToken.None).ConfigureAwait(false));
                    }
                }
                finally
                {
                    _writer.Release();
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                Log.MoveLost(_logger, address, error);
            }
        }
    }

    private List<OutgoingNotification> Notifications(string address, UserLocation? from, UserLocation? to)
    {
        var stamp = TimeStamp.From(_time.GetUtcNow());
        List<OutgoingNotification> notifications = [];
        foreach (var subscription in _subscriptions.Values)
        {
            var self = new NotificationLinks(new LinkType(subscription.Self));
            if (subscription.Zone is { } zone && (zone.AddressList is not { Count: > 0 } addresses || addresses.Any(a => MecLocationTracker.Normalize(a) == address)))
            {
                foreach (var (where, kind) in new[] { (from, LocationEventType.LeavingArea), (to, LocationEventType.EnteringArea) })
                {
                    if (where?.ZoneId == zone.ZoneId && Wants(zone.LocationEventCriteria, kind))
                    {
                        var body = new InlineZoneLocationEventNotification(new ZoneLocationEventNotification { Address = address, ZoneId = zone.ZoneId, UserLocationEvent = kind, TimeStamp = stamp, Links = self });
                        notifications.Add(Notification(subscription, body, MecJsonTypes.InlineZoneLocationEventNotification));
                    }
                }
            }

            if (subscription.User is { } user && MecLocationTracker.Normalize(user.Address) == address)
            {
                foreach (var (where, kind) in new[] { (from, LocationEventType.LeavingArea), (to, LocationEventType.EnteringArea) })
                {
                    if (where is not null && Wants(user.LocationEventCriteria, kind))
                    {
                        var body = new InlineUserLocationEventNotification(new UserLocationEventNotification { Address = address, ZoneId = where.ZoneId, AccessPointId = where.AccessPointId, UserLocationEvent = kind, TimeStamp = stamp, Links = self });
                        notifications.Add(Notification(subscription, body, MecJsonTypes.InlineUserLocationEventNotification));
                    }
                }
            }
        }

        return notifications;
    }

    /// <summary>Sends the periodic reports that are due; a subscription ends with its last report.</summary>
    public async Task<int> ReportPeriodicAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var sent = 0;
        foreach (var candidate in _subscriptions.Values.Where(s => s.Periodic is not null).ToList())
        {
            var interval = TimeSpan.FromSeconds(Math.Max(1, candidate.Periodic!.PeriodicEventInfo.ReportingInterval));
            var state = _periodic.GetOrAdd(candidate.SubscriptionId, _ => (now + interval, 0));
            if (now < state.Next)
            {
                continue;
            }

            await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_subscriptions.GetValueOrDefault(candidate.SubscriptionId) is not { Periodic: { } periodic } subscription)
                {
                    continue;
                }

                var final = state.Sent + 1 >= Math.Max(1, periodic.PeriodicEventInfo.ReportingAmount);
                var user = Tracker.Find(periodic.Address);
                var report = new InlineUserLocationPeriodicNotification(new UserLocationPeriodicNotification
                {
                    Address = MecLocationTracker.Normalize(periodic.Address),
                    AccessPointId = user?.AccessPointId,
                    ZoneId = user?.ZoneId,
                    LocationInfo = user is null ? null : Tracker.LocationOf(user),
                    Result = user is null ? NotificationResult.Abnormal : NotificationResult.Success,
                    IsFinalNotification = final ? true : null,
                    TimeStamp = TimeStamp.From(now),
                    Links = new NotificationLinks(new LinkType(subscription.Self)),
                });

                // The report and the subscription's progress (or its end, after the last report) in one commit.
                var next = subscription with { PeriodicReportsSent = state.Sent + 1, PeriodicNextReport = state.Next + interval };
                MecStoreChange change = final
                    ? MecStoreChange.Remove(MecRecordKind.LocationSubscription, subscription.SubscriptionId)
                    : MecStoreChange.Put(MecRecordKind.LocationSubscription, subscription.SubscriptionId, JsonSerializer.Serialize(next, PlatformJsonContext.Default.StoredLocationSubscription));
                _notifications.Enqueue(await _store.CommitAsync([change], [Notification(subscription, report, MecJsonTypes.InlineUserLocationPeriodicNotification)], CancellationToken.None).ConfigureAwait(false));
                if (final)
                {
                    _subscriptions.TryRemove(subscription.SubscriptionId, out _);
                    _periodic.TryRemove(subscription.SubscriptionId, out _);
                }
                else
                {
                    _subscriptions[subscription.SubscriptionId] = next;
                    _periodic[subscription.SubscriptionId] = (state.Next + interval, state.Sent + 1);
                }

                sent++;
            }
            finally
            {
                _writer.Release();
            }
        }

        return sent;
    }

    /// <summary>Users of an area subscription's list who entered or left its area.</summary>
    private List<OutgoingNotification> AreaNotifications(string address, UserLocation? from, UserLocation? to)
    {
        List<OutgoingNotification> notifications = [];
        foreach (var subscription in _subscriptions.Values)
        {
            if (subscription.Area is not { } area || !area.AddressList.Any(a => MecLocationTracker.Normalize(a) == address))
            {
                continue;
            }

            var before = from is not null && Tracker.CoordinatesOf(from) is { } a && Inside(area.AreaDefine, a);
            var after = to is not null && Tracker.CoordinatesOf(to) is { } b && Inside(area.AreaDefine, b);
            LocationEventType? happened = !before && after ? LocationEventType.EnteringArea : before && !after ? LocationEventType.LeavingArea : null;
            if (happened is { } kind && (area.LocationEventCriteria is null || area.LocationEventCriteria == kind))
            {
                var body = new InlineUserAreaNotification(new UserAreaNotification
                {
                    Address = address,
                    UserLocationEvent = kind,
                    LocationInfo = to is null ? null : Tracker.LocationOf(to),
                    TimeStamp = TimeStamp.From(_time.GetUtcNow()),
                    Links = new NotificationLinks(new LinkType(subscription.Self)),
                });
                notifications.Add(Notification(subscription, body, MecJsonTypes.InlineUserAreaNotification));
            }
        }

        return notifications;
    }

    /// <summary>Distance subscriptions involving the user whose criteria became true with this move.</summary>
    private List<OutgoingNotification> DistanceNotifications(string address)
    {
        List<OutgoingNotification> notifications = [];
        foreach (var subscription in _subscriptions.Values)
        {
            if (subscription.Distance is not { } distance
                || !distance.MonitoredAddress.Concat(distance.ReferenceAddress ?? []).Any(a => MecLocationTracker.Normalize(a) == address))
            {
                continue;
            }

            var met = DistanceMet(distance);
            var before = _distanceMet.GetValueOrDefault(subscription.SubscriptionId);
            _distanceMet[subscription.SubscriptionId] = met;
            if (met && !before)
            {
                notifications.Add(DistanceNotification(subscription, distance));
            }
        }

        return notifications;
    }

    private OutgoingNotification DistanceNotification(StoredLocationSubscription subscription, UserDistanceSubscription distance)
    {
        var root = subscription.Self[..subscription.Self.IndexOf("/subscriptions/", StringComparison.Ordinal)];
        var users = distance.MonitoredAddress.Select(a => Tracker.Find(a)).OfType<UserLocation>().Select(u => new UserInfo
        {
            Address = u.Address,
            AccessPointId = u.AccessPointId,
            ZoneId = u.ZoneId,
            ResourceUrl = $"{root}/queries/users?address={Uri.EscapeDataString(u.Address)}",
            Timestamp = TimeStamp.From(u.Since),
            LocationInfo = Tracker.LocationOf(u),
        }).ToList();
        var body = new InlineUserDistanceNotification(new UserDistanceNotification
        {
            MonitoredUsers = new UserList($"{root}/queries/users", users),
            DistanceEvent = distance.Criteria,
            TimeStamp = TimeStamp.From(_time.GetUtcNow()),
            Links = new NotificationLinks(new LinkType(subscription.Self)),
        });
        return Notification(subscription, body, MecJsonTypes.InlineUserDistanceNotification);
    }

    /// <summary>Whether a distance subscription's criteria hold now (never while a user's location is unknown).</summary>
    private bool DistanceMet(UserDistanceSubscription distance)
    {
        var monitored = distance.MonitoredAddress.Select(a => (Address: MecLocationTracker.Normalize(a), Point: Tracker.Find(a) is { } u ? Tracker.CoordinatesOf(u) : null)).ToList();
        var references = (distance.ReferenceAddress is { Count: > 0 } given ? given : distance.MonitoredAddress)
            .Select(a => (Address: MecLocationTracker.Normalize(a), Point: Tracker.Find(a) is { } u ? Tracker.CoordinatesOf(u) : null)).ToList();
        if (monitored.Count == 0 || monitored.Any(m => m.Point is null) || references.Any(r => r.Point is null))
        {
            return false;
        }

        var nearest = monitored.Select(m => references.Where(r => r.Address != m.Address).Select(r => LocationEndpoints.Haversine(m.Point!.Value, r.Point!.Value)).DefaultIfEmpty(double.PositiveInfinity).Min()).ToList();
        return distance.Criteria switch
        {
            DistanceCriteria.AllWithinDistance => nearest.All(d => d <= distance.Distance),
            DistanceCriteria.AnyWithinDistance => nearest.Any(d => d <= distance.Distance),
            DistanceCriteria.AllBeyondDistance => nearest.All(d => d > distance.Distance),
            _ => nearest.Any(d => d > distance.Distance),
        };
    }


    /// <summary>Whether a point is in a circle (great-circle distance to the centre) or a polygon (ray casting on latitude and longitude).</summary>
    internal static bool Inside(AreaInfo area, (double Latitude, double Longitude) point)
    {
        if (area.Shape == 1)
        {
            return area.Points.Count > 0 && LocationEndpoints.Haversine((area.Points[0].Latitude, area.Points[0].Longitude), point) <= (area.Radius ?? 0);
        }

        var inside = false;
        for (int i = 0, j = area.Points.Count - 1; i < area.Points.Count; j = i++)
        {
            var (a, b) = (area.Points[i], area.Points[j]);
            if ((a.Latitude > point.Latitude) != (b.Latitude > point.Latitude)
                && point.Longitude < ((b.Longitude - a.Longitude) * (point.Latitude - a.Latitude) / (b.Latitude - a.Latitude)) + a.Longitude)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>Counts the move and tells the zone status subscriptions whose thresholds it crossed.</summary>
    private List<OutgoingNotification> StatusNotifications(UserLocation? from, UserLocation? to)
    {
        List<(string Zone, string? AccessPoint, int Before, int After)> changes = [];
        if (from?.ZoneId != to?.ZoneId)
        {
            if (from is not null)
            {
                changes.Add((from.ZoneId, null, Count(_zoneUsers, from.ZoneId, -1) + 1, _zoneUsers[from.ZoneId]));
            }

            if (to is not null)
            {
                changes.Add((to.ZoneId, null, Count(_zoneUsers, to.ZoneId, +1) - 1, _zoneUsers[to.ZoneId]));
            }
        }

        if ((from?.ZoneId, from?.AccessPointId) != (to?.ZoneId, to?.AccessPointId))
        {
            if (from is not null)
            {
                var after = Count(_accessPointUsers, (from.ZoneId, from.AccessPointId), -1);
                changes.Add((from.ZoneId, from.AccessPointId, after + 1, after));
            }

            if (to is not null)
            {
                var after = Count(_accessPointUsers, (to.ZoneId, to.AccessPointId), +1);
                changes.Add((to.ZoneId, to.AccessPointId, after - 1, after));
            }
        }

        var stamp = TimeStamp.From(_time.GetUtcNow());
        List<OutgoingNotification> notifications = [];
        foreach (var subscription in _subscriptions.Values)
        {
            if (subscription.Status is not { } status)
            {
                continue;
            }

            foreach (var (zone, accessPoint, before, after) in changes.Where(c => c.Zone == status.ZoneId))
            {
                var (upper, lower, over, under) = accessPoint is null
                    ? (status.UpperNumberOfUsersZoneThreshold, status.LowerNumberOfUsersZoneThreshold, 1, 2)
                    : (status.UpperNumberOfUsersApThreshold, status.LowerNumberOfUsersApThreshold, 3, 4);
                int? crossed = upper is { } u && before <= u && after > u ? over : lower is { } l && before >= l && after < l ? under : null;
                if (crossed is { } userNumEvent)
                {
                    var body = new InlineZoneStatusNotification(new ZoneStatusNotification
                    {
                        ZoneId = zone,
                        AccessPointId = accessPoint,
                        UserNumEvent = userNumEvent,
                        TimeStamp = stamp,
                        Links = new NotificationLinks(new LinkType(subscription.Self)),
                    });
                    notifications.Add(Notification(subscription, body, MecJsonTypes.InlineZoneStatusNotification));
                }
            }
        }

        return notifications;
    }

    private static int Count<TKey>(Dictionary<TKey, int> counts, TKey key, int change)
        where TKey : notnull
    {
        var count = counts.GetValueOrDefault(key) + change;
        counts[key] = count;
        return count;
    }

    private static bool Wants(IReadOnlyList<LocationEventType>? criteria, LocationEventType kind) => criteria is not { Count: > 0 } || criteria.Contains(kind);

    /// <summary>A notification to the subscription's WebSocket when it asked for one, else to its callback.</summary>
    private OutgoingNotification Notification<T>(StoredLocationSubscription subscription, T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        new(subscription.SubscriptionId, new Uri(subscription.WebSocketUri ?? subscription.Callback!, UriKind.Absolute), JsonSerializer.Serialize(body, typeInfo), _time.GetUtcNow() + _options.Notifications.TimeToLive);

    /// <summary>The WebSocket URI of a subscription: the location API's <c>websockets/{subscriptionId}</c> with the ws scheme.</summary>
    private static string WebSocketUri(Uri self, string subscriptionId)
    {
        var root = self.GetLeftPart(UriPartial.Authority);
        var scheme = self.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        return $"{scheme}{root[self.Scheme.Length..]}{Http.MecLinks.LocationBase}/websockets/{Uri.EscapeDataString(subscriptionId)}";
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Location subscription {SubscriptionId} reached its expiry deadline and ended")]
        public static partial void Expired(ILogger logger, string subscriptionId);

        [LoggerMessage(2, LogLevel.Error, "The notifications of {Address}'s move could not be committed")]
        public static partial void MoveLost(ILogger logger, string address, Exception error);
    }
}
