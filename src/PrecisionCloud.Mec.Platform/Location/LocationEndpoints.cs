using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PrecisionCloud.Mec.Location;
using PrecisionCloud.Mec.Platform.Http;
using PrecisionCloud.Mec.Platform.Registry;

namespace PrecisionCloud.Mec.Platform.Location;

/// <summary>ETSI GS MEC 013 location (<c>location/v3</c>): user, zone, access point and distance queries; zone, zone status, user, periodic, area and distance subscriptions.</summary>
internal static class LocationEndpoints
{
    private const string Base = MecLinks.LocationBase;
    private const string Scope = MecPlatformOptions.LocationScope;

    public static void Map(MecRoutes routes)
    {
        routes.Resource(Base + "/queries/distance", Scope, (HttpMethods.Get, DistanceAsync));
        routes.Resource(Base + "/queries/users", Scope, (HttpMethods.Get, UsersAsync));
        routes.Resource(Base + "/queries/zones", Scope, (HttpMethods.Get, ZonesAsync));
        routes.Resource(Base + "/queries/zones/{zoneId}", Scope, (HttpMethods.Get, ZoneAsync));
        routes.Resource(Base + "/queries/zones/{zoneId}/accessPoints", Scope, (HttpMethods.Get, AccessPointsAsync));
        routes.Resource(Base + "/queries/zones/{zoneId}/accessPoints/{accessPointId}", Scope, (HttpMethods.Get, AccessPointAsync));
        routes.Resource(Base + "/websockets/{subscriptionId}", Scope, (HttpMethods.Get, WebSocketAsync));
        foreach (var family in new[] { "zones", "users", "area", "distance" })
        {
            routes.Resource($"{Base}/subscriptions/{family}", Scope,
                (HttpMethods.Get, (context, registry) => SubscriptionListAsync(context, registry, family)),
                (HttpMethods.Post, (context, _) => SubscribeAsync(context, family, replace: null)));
            routes.Resource($"{Base}/subscriptions/{family}/{{subscriptionId}}", Scope,
                (HttpMethods.Get, (context, _) => SubscriptionAsync(context, family)),
                (HttpMethods.Put, (context, _) => SubscribeAsync(context, family, replace: Route(context, "subscriptionId"))),
                (HttpMethods.Delete, UnsubscribeAsync));
        }
    }

    private static LocationSubscriptions Subscriptions(HttpContext context) => context.RequestServices.GetRequiredService<LocationSubscriptions>();

    private static Task UsersAsync(HttpContext context, MecRegistry registry)
    {
        var tracker = Subscriptions(context).Tracker;
        var zones = List(context.Request.Query["zoneId"]);
        var accessPoints = List(context.Request.Query["accessPointId"]);
        var addresses = List(context.Request.Query["address"])?.Select(MecLocationTracker.Normalize).ToHashSet(StringComparer.Ordinal);
        var users = tracker.Users
            .Where(u => (zones is null || zones.Contains(u.ZoneId)) && (accessPoints is null || accessPoints.Contains(u.AccessPointId)) && (addresses is null || addresses.Contains(u.Address)))
            .OrderBy(u => u.Address, StringComparer.Ordinal)
            .Select(u => User(registry, tracker, u))
            .ToList();
        return MecHttp.WriteAsync(context, StatusCodes.Status200OK, new InlineUserList(new UserList(registry.Links.Location("queries/users" + context.Request.QueryString), users)), MecJsonTypes.InlineUserList);
    }

    /// <summary>
    /// The distance between two users, or between a user and a location (<c>latitude</c> and <c>longitude</c>, or
    /// <c>location=lat,long</c>), in meters over the earth's surface; users are where their access points are.
    /// </summary>
    private static Task DistanceAsync(HttpContext context, MecRegistry registry)
    {
        var tracker = Subscriptions(context).Tracker;
        var query = context.Request.Query;
        var addresses = List(query["address"])?.ToList() ?? [];
        if (addresses.Count is 0 or > 2)
        {
            return MecHttp.ProblemAsync(context, MecError.BadRequest("address", "one or two user addresses"));
        }

        (double Latitude, double Longitude)? other = null;
        if (addresses.Count == 1)
        {
            if (!TryLocation(query, out var location))
            {
                return MecHttp.ProblemAsync(context, MecError.BadRequest("location", "with one address, a location (latitude and longitude in degrees) is required"));
            }

            other = location;
        }

        List<(double Latitude, double Longitude)> points = [];
        foreach (var address in addresses)
        {
            if (tracker.Find(address) is not { } user)
            {
                return MecHttp.ProblemAsync(context, MecError.NotFound($"user {MecLocationTracker.Normalize(address)}"));
            }

            if (tracker.CoordinatesOf(user) is not { } point)
            {
                return MecHttp.ProblemAsync(context, MecError.NotFound($"the geographic location of user {user.Address} (access point {user.AccessPointId} has no coordinates)"));
            }

            points.Add(point);
        }

        var meters = Haversine(points[0], other ?? points[1]);
        var distance = new TerminalDistance((int)Math.Round(meters), Timestamp: TimeStamp.From(TimeProvider.System.GetUtcNow()));
        return MecHttp.WriteAsync(context, StatusCodes.Status200OK, new InlineTerminalDistance(distance), MecJsonTypes.InlineTerminalDistance);
    }

    private static bool TryLocation(IQueryCollection query, out (double Latitude, double Longitude) location)
    {
        var text = query["location"].ToString();
        var parts = text.Length > 0 ? text.Split(',') : [query["latitude"].ToString(), query["longitude"].ToString()];
        location = default;
        if (parts.Length != 2
            || !double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var latitude)
            || !double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var longitude)
            || latitude is < -90 or > 90 || longitude is < -180 or > 180)
        {
            return false;
        }

        location = (latitude, longitude);
        return true;
    }

    /// <summary>The great-circle distance in meters (mean earth radius 6,371,008.8 m).</summary>
    internal static double Haversine((double Latitude, double Longitude) a, (double Latitude, double Longitude) b)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLatitude = Radians(b.Latitude - a.Latitude);
        var dLongitude = Radians(b.Longitude - a.Longitude);
        var h = (Math.Sin(dLatitude / 2) * Math.Sin(dLatitude / 2)) + (Math.Cos(Radians(a.Latitude)) * Math.Cos(Radians(b.Latitude)) * Math.Sin(dLongitude / 2) * Math.Sin(dLongitude / 2));
        return 2 * 6_371_008.8 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static Task ZonesAsync(HttpContext context, MecRegistry registry)
    {
        var tracker = Subscriptions(context).Tracker;
        var wanted = List(context.Request.Query["zoneId"]);
        var zones = tracker.Map.Zones.Where(z => wanted is null || wanted.Contains(z.ZoneId)).Select(z => Zone(registry, tracker, z)).ToList();
        return MecHttp.WriteAsync(context, StatusCodes.Status200OK, new InlineZoneList(new ZoneList(registry.Links.Location("queries/zones"), zones)), MecJsonTypes.InlineZoneList);
    }

    private static Task ZoneAsync(HttpContext context, MecRegistry registry)
    {
        var tracker = Subscriptions(context).Tracker;
        return FindZone(tracker, Route(context, "zoneId")) is { } zone
            ? MecHttp.WriteAsync(context, StatusCodes.Status200OK, new InlineZoneInfo(Zone(registry, tracker, zone)), MecJsonTypes.InlineZoneInfo)
            : MecHttp.ProblemAsync(context, MecError.NotFound($"zone {Route(context, "zoneId")}"));
    }

    private static Task AccessPointsAsync(HttpContext context, MecRegistry registry)
    {
        var tracker = Subscriptions(context).Tracker;
        if (FindZone(tracker, Route(context, "zoneId")) is not { } zone)
        {
            return MecHttp.ProblemAsync(context, MecError.NotFound($"zone {Route(context, "zoneId")}"));
        }

        var wanted = List(context.Request.Query["accessPointId"]);
        var points = zone.AccessPoints.Where(a => wanted is null || wanted.Contains(a.AccessPointId)).Select(a => AccessPoint(registry, tracker, zone, a)).ToList();
        var list = new AccessPointList(zone.ZoneId, registry.Links.Location($"queries/zones/{Uri.EscapeDataString(zone.ZoneId)}/accessPoints"), points);
        return MecHttp.WriteAsync(context, StatusCodes.Status200OK, new InlineAccessPointList(list), MecJsonTypes.InlineAccessPointList);
    }

    private static Task AccessPointAsync(HttpContext context, MecRegistry registry)
    {
        var tracker = Subscriptions(context).Tracker;
        var zone = FindZone(tracker, Route(context, "zoneId"));
        var point = zone?.AccessPoints.FirstOrDefault(a => a.AccessPointId == Route(context, "accessPointId"));
        return zone is not null && point is not null
            ? MecHttp.WriteAsync(context, StatusCodes.Status200OK, new InlineAccessPointInfo(AccessPoint(registry, tracker, zone, point)), MecJsonTypes.InlineAccessPointInfo)
            : MecHttp.ProblemAsync(context, MecError.NotFound($"access point {Route(context, "accessPointId")} of zone {Route(context, "zoneId")}"));
    }

    private static Task SubscriptionListAsync(HttpContext context, MecRegistry registry, string family)
    {
        var type = context.Request.Query["subscription_type"].ToString();
        var kinds = family switch
        {
            "zones" => new Dictionary<string, string> { ["event"] = ZoneLocationEventSubscription.Type, ["status"] = ZoneStatusSubscription.Type },
            "users" => new Dictionary<string, string> { ["event"] = UserLocationEventSubscription.Type, ["periodic"] = UserLocationPeriodicSubscription.Type },
            _ => [],
        };
        if (type.Length > 0 && !kinds.ContainsKey(type))
        {
            return MecHttp.ProblemAsync(context, MecError.BadRequest("subscription_type", $"'{type}' is not one of: {string.Join(", ", kinds.Keys)}"));
        }

        var caller = MecCaller.Of(context).Sees;
        var zoneFilter = context.Request.Query["zoneId"].ToString();
        var addressFilter = context.Request.Query["address"].ToString() is { Length: > 0 } address ? MecLocationTracker.Normalize(address) : null;
        var links = Subscriptions(context).All
            .Where(s => s.Family == family && LocationSubscriptions.Visible(s, caller))
            .Where(s => type.Length == 0 || s.SubscriptionType == kinds[type])
            .Where(s => zoneFilter.Length == 0 || (s.Zone?.ZoneId ?? s.Status?.ZoneId) == zoneFilter)
            .Where(s => addressFilter is null || MecLocationTracker.Normalize(s.User?.Address ?? s.Periodic?.Address ?? string.Empty) == addressFilter)
            .Select(s => new SubscriptionLink(s.Self, s.SubscriptionType))
            .ToList();
        var list = new NotificationSubscriptionList(new LinkType(registry.Links.Location("subscriptions/" + family)), links);
        return MecHttp.WriteAsync(context, StatusCodes.Status200OK, new InlineNotificationSubscriptionList(list), MecJsonTypes.InlineSubscriptionList);
    }

    private static async Task SubscribeAsync(HttpContext context, string family, string? replace)
    {
        var registry = context.RequestServices.GetRequiredService<MecRegistry>();
        var id = replace ?? Guid.NewGuid().ToString();
        var owner = MecCaller.Of(context).Owner;
        var read = family switch
        {
            "zones" => await ReadZoneAsync(context, registry, id, owner).ConfigureAwait(false),
            "users" => await ReadUserAsync(context, registry, id, owner).ConfigureAwait(false),
            "area" => await ReadAreaAsync(context, registry, id, owner).ConfigureAwait(false),
            _ => await ReadDistanceAsync(context, registry, id, owner).ConfigureAwait(false),
        };
        var error = read.Error;
        if (error is null && replace is not null)
        {
            error = Subscriptions(context).Find(replace, MecCaller.Of(context).Sees) is not { } existing || existing.Family != family ? MecError.NotFound($"subscription {replace}")
                : existing.SubscriptionType != read.Value!.SubscriptionType ? MecError.BadRequest("subscriptionType", "a subscription keeps its type")
                : null;
        }

        if (error is not null)
        {
            await MecHttp.ProblemAsync(context, error).ConfigureAwait(false);
            return;
        }

        var self = new Uri(registry.Links.Location($"subscriptions/{family}/{Uri.EscapeDataString(id)}"));
        var outcome = await Subscriptions(context).PutAsync(read.Value!, replace is not null, self, context.RequestAborted).ConfigureAwait(false);
        if (outcome.Error is { } refused)
        {
            await MecHttp.ProblemAsync(context, refused).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, outcome.Value!, replace is null ? StatusCodes.Status201Created : StatusCodes.Status200OK).ConfigureAwait(false);
    }

    private static async Task<Outcome<StoredLocationSubscription>> ReadZoneAsync(HttpContext context, MecRegistry registry, string id, string? owner)
    {
        var body = await MecHttp.ReadAsync(context, PlatformJsonContext.Default.ZoneSubscriptionBody, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        var tracker = Subscriptions(context).Tracker;
        var error = body.Error ?? body.Value switch
        {
            { ZoneLocationEventSubscription: not null, ZoneStatusSubscription: not null } => MecError.BadRequest("zoneLocationEventSubscription, zoneStatusSubscription", "give one of them"),
            { ZoneLocationEventSubscription: { } request } => request.SubscriptionType != ZoneLocationEventSubscription.Type ? MecError.BadRequest("subscriptionType", $"shall be {ZoneLocationEventSubscription.Type}")
                : FindZone(tracker, request.ZoneId) is null ? MecError.BadRequest("zoneId", $"'{request.ZoneId}' is not a zone of this platform")
                : null,
            { ZoneStatusSubscription: { } request } => request.SubscriptionType != ZoneStatusSubscription.Type ? MecError.BadRequest("subscriptionType", $"shall be {ZoneStatusSubscription.Type}")
                : FindZone(tracker, request.ZoneId) is null ? MecError.BadRequest("zoneId", $"'{request.ZoneId}' is not a zone of this platform")
                : request is { UpperNumberOfUsersZoneThreshold: null, LowerNumberOfUsersZoneThreshold: null, UpperNumberOfUsersApThreshold: null, LowerNumberOfUsersApThreshold: null }
                    ? MecError.BadRequest("upperNumberOfUsersZoneThreshold", "give at least one threshold (access point operation status is configured, so its changes are not reported)")
                : new[] { request.UpperNumberOfUsersZoneThreshold, request.LowerNumberOfUsersZoneThreshold, request.UpperNumberOfUsersApThreshold, request.LowerNumberOfUsersApThreshold }.Any(t => t < 0)
                    ? MecError.BadRequest("upperNumberOfUsersZoneThreshold", "thresholds shall not be negative")
                : null,
            _ => MecError.BadRequest("zoneLocationEventSubscription", "required (or zoneStatusSubscription)"),
        };
        return error is null
            ? new StoredLocationSubscription { SubscriptionId = id, Owner = owner, Zone = body.Value!.ZoneLocationEventSubscription, Status = body.Value.ZoneStatusSubscription }
            : error;
    }

    private static async Task<Outcome<StoredLocationSubscription>> ReadUserAsync(HttpContext context, MecRegistry registry, string id, string? owner)
    {
        var body = await MecHttp.ReadAsync(context, PlatformJsonContext.Default.UserSubscriptionBody, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        var error = body.Error ?? body.Value switch
        {
            { UserLocationEventSubscription: not null, UserLocationPeriodicSubscription: not null } => MecError.BadRequest("userLocationEventSubscription, userLocationPeriodicSubscription", "give one of them"),
            { UserLocationEventSubscription: { } request } => request.SubscriptionType != UserLocationEventSubscription.Type ? MecError.BadRequest("subscriptionType", $"shall be {UserLocationEventSubscription.Type}") : null,
            { UserLocationPeriodicSubscription: { } request } => request.SubscriptionType != UserLocationPeriodicSubscription.Type ? MecError.BadRequest("subscriptionType", $"shall be {UserLocationPeriodicSubscription.Type}")
                : request.PeriodicEventInfo is not { ReportingAmount: >= 1, ReportingInterval: >= 1 } ? MecError.BadRequest("periodicEventInfo", "reportingAmount and reportingInterval (seconds) shall be at least 1")
                : null,
            _ => MecError.BadRequest("userLocationEventSubscription", "required (or userLocationPeriodicSubscription)"),
        };
        return error is null
            ? new StoredLocationSubscription { SubscriptionId = id, Owner = owner, User = body.Value!.UserLocationEventSubscription, Periodic = body.Value.UserLocationPeriodicSubscription }
            : error;
    }

    private static async Task<Outcome<StoredLocationSubscription>> ReadAreaAsync(HttpContext context, MecRegistry registry, string id, string? owner)
    {
        var body = await MecHttp.ReadAsync(context, MecJsonTypes.InlineUserAreaSubscription, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        var error = body.Error ?? body.Value!.UserAreaSubscription switch
        {
            null => MecError.BadRequest("userAreaSubscription", "required"),
            { SubscriptionType: not UserAreaSubscription.Type } => MecError.BadRequest("subscriptionType", $"shall be {UserAreaSubscription.Type}"),
            { AddressList.Count: 0 } => MecError.BadRequest("addressList", "at least one user"),
            { AreaDefine: { Shape: 1 } circle } when circle.Points.Count != 1 || circle.Radius is not > 0 => MecError.BadRequest("areaDefine", "a circle (shape 1) has one point and a positive radius"),
            { AreaDefine: { Shape: 2 } polygon } when polygon.Points.Count is < 3 or > 15 => MecError.BadRequest("areaDefine", "a polygon (shape 2) has 3 to 15 points"),
            { AreaDefine.Shape: not (1 or 2) } => MecError.BadRequest("areaDefine.shape", "1 (circle) or 2 (polygon)"),
            { AreaDefine.Points: var points } when points.Any(p => p.Latitude is < -90 or > 90 || p.Longitude is < -180 or > 180) => MecError.BadRequest("areaDefine.points", "latitudes within -90 to 90, longitudes within -180 to 180"),
            _ => null,
        };
        return error is null ? new StoredLocationSubscription { SubscriptionId = id, Owner = owner, Area = body.Value!.UserAreaSubscription } : error;
    }

    private static async Task<Outcome<StoredLocationSubscription>> ReadDistanceAsync(HttpContext context, MecRegistry registry, string id, string? owner)
    {
        var body = await MecHttp.ReadAsync(context, MecJsonTypes.InlineUserDistanceSubscription, registry.Options.MaxBodyBytes).ConfigureAwait(false);
        var error = body.Error ?? body.Value!.UserDistanceSubscription switch
        {
            null => MecError.BadRequest("userDistanceSubscription", "required"),
            { SubscriptionType: not UserDistanceSubscription.Type } => MecError.BadRequest("subscriptionType", $"shall be {UserDistanceSubscription.Type}"),
            { MonitoredAddress.Count: 0 } => MecError.BadRequest("monitoredAddress", "at least one user"),
            { ReferenceAddress: null, MonitoredAddress.Count: 1 } => MecError.BadRequest("referenceAddress", "required when one user is monitored (distances are measured between monitored users otherwise)"),
            { Distance: <= 0 } => MecError.BadRequest("distance", "shall be positive (meters)"),
            _ => null,
        };
        return error is null ? new StoredLocationSubscription { SubscriptionId = id, Owner = owner, Distance = body.Value!.UserDistanceSubscription } : error;
    }

    private static Task SubscriptionAsync(HttpContext context, string family) =>
        Subscriptions(context).Find(Route(context, "subscriptionId"), MecCaller.Of(context).Sees) is { } subscription && subscription.Family == family
            ? WriteAsync(context, subscription, StatusCodes.Status200OK)
            : MecHttp.ProblemAsync(context, MecError.NotFound($"subscription {Route(context, "subscriptionId")}"));

    private static async Task UnsubscribeAsync(HttpContext context, MecRegistry registry)
    {
        var removed = await Subscriptions(context).DeleteAsync(Route(context, "subscriptionId"), MecCaller.Of(context).Sees, context.RequestAborted).ConfigureAwait(false);
        await (removed ? MecHttp.NoContent(context) : MecHttp.ProblemAsync(context, MecError.NotFound($"subscription {Route(context, "subscriptionId")}"))).ConfigureAwait(false);
    }

    /// <summary>Opens the WebSocket a subscription asked for (<c>websockNotifConfig.requestWebsocketUri</c>); its notifications arrive on it.</summary>
    private static async Task WebSocketAsync(HttpContext context, MecRegistry registry)
    {
        var id = Route(context, "subscriptionId");
        if (Subscriptions(context).Find(id, MecCaller.Of(context).Sees) is not { WebSocketUri: not null })
        {
            await MecHttp.ProblemAsync(context, MecError.NotFound($"WebSocket of subscription {id}")).ConfigureAwait(false);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await MecHttp.ProblemAsync(context, MecError.BadRequest("Upgrade", "this resource is a WebSocket: open it with a WebSocket handshake")).ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await context.RequestServices.GetRequiredService<Notifications.WebSocketHub>().ServeAsync(id, socket, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteAsync(HttpContext context, StoredLocationSubscription subscription, int status)
    {
        var location = status == StatusCodes.Status201Created ? subscription.Self : null;
        return subscription switch
        {
            { Zone: { } zone } => MecHttp.WriteAsync(context, status, new InlineZoneLocationEventSubscription(zone), MecJsonTypes.InlineZoneSubscription, location: location),
            { Status: { } zoneStatus } => MecHttp.WriteAsync(context, status, new InlineZoneStatusSubscription(zoneStatus), MecJsonTypes.InlineZoneStatusSubscription, location: location),
            { User: { } user } => MecHttp.WriteAsync(context, status, new InlineUserLocationEventSubscription(user), MecJsonTypes.InlineUserSubscription, location: location),
            { Periodic: { } periodic } => MecHttp.WriteAsync(context, status, new InlineUserLocationPeriodicSubscription(periodic), MecJsonTypes.InlineUserLocationPeriodicSubscription, location: location),
            { Area: { } area } => MecHttp.WriteAsync(context, status, new InlineUserAreaSubscription(area), MecJsonTypes.InlineUserAreaSubscription, location: location),
            _ => MecHttp.WriteAsync(context, status, new InlineUserDistanceSubscription(subscription.Distance), MecJsonTypes.InlineUserDistanceSubscription, location: location),
        };
    }

    private static UserInfo User(MecRegistry registry, MecLocationTracker tracker, UserLocation user) => new()
    {
        Address = user.Address,
        AccessPointId = user.AccessPointId,
        ZoneId = user.ZoneId,
        ResourceUrl = registry.Links.Location("queries/users?address=" + Uri.EscapeDataString(user.Address)),
        Timestamp = TimeStamp.From(user.Since),
        LocationInfo = tracker.LocationOf(user),
    };

    private static ZoneInfo Zone(MecRegistry registry, MecLocationTracker tracker, ZoneOptions zone) => new()
    {
        ZoneId = zone.ZoneId,
        NumberOfAccessPoints = zone.AccessPoints.Count,
        NumberOfUnserviceableAccessPoints = zone.AccessPoints.Count(a => a.OperationStatus == OperationStatus.Unserviceable),
        NumberOfUsers = tracker.Users.Count(u => u.ZoneId == zone.ZoneId),
        ResourceUrl = registry.Links.Location("queries/zones/" + Uri.EscapeDataString(zone.ZoneId)),
    };

    private static AccessPointInfo AccessPoint(MecRegistry registry, MecLocationTracker tracker, ZoneOptions zone, AccessPointOptions point) => new()
    {
        AccessPointId = point.AccessPointId,
        ConnectionType = point.ConnectionType,
        OperationStatus = point.OperationStatus,
        NumberOfUsers = tracker.Users.Count(u => u.ZoneId == zone.ZoneId && u.AccessPointId == point.AccessPointId),
        ResourceUrl = registry.Links.Location($"queries/zones/{Uri.EscapeDataString(zone.ZoneId)}/accessPoints/{Uri.EscapeDataString(point.AccessPointId)}"),
        LocationInfo = MecLocationTracker.LocationOf(point),
        Timezone = point.Timezone,
    };

    private static ZoneOptions? FindZone(MecLocationTracker tracker, string zoneId) => tracker.Map.Zones.FirstOrDefault(z => z.ZoneId == zoneId);

    private static HashSet<string>? List(Microsoft.Extensions.Primitives.StringValues values) => MecHttp.Values(values)?.ToHashSet(StringComparer.Ordinal);

    private static string Route(HttpContext context, string name) => MecHttp.Route(context, name);
}
