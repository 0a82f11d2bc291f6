using PrecisionCloud.Mec.Location;

namespace PrecisionCloud.Mec.Platform.Location;

/// <summary>A MEC 013 subscription as stored: exactly one of its kinds, and the application instance that made it.</summary>
internal sealed record StoredLocationSubscription
{
    public required string SubscriptionId { get; init; }

    public string? Owner { get; init; }

    public ZoneLocationEventSubscription? Zone { get; init; }

    public ZoneStatusSubscription? Status { get; init; }

    public UserLocationEventSubscription? User { get; init; }

    public UserLocationPeriodicSubscription? Periodic { get; init; }

    public UserAreaSubscription? Area { get; init; }

    public UserDistanceSubscription? Distance { get; init; }

    /// <summary>The periodic reports sent so far (kept, so a restart does not send them again).</summary>
    public int PeriodicReportsSent { get; init; }

    /// <summary>When the next periodic report is due.</summary>
    public DateTimeOffset? PeriodicNextReport { get; init; }

    /// <summary>The resource family it lives under: <c>zones</c>, <c>users</c>, <c>area</c> or <c>distance</c>.</summary>
    public string Family => Zone is not null || Status is not null ? "zones" : User is not null || Periodic is not null ? "users" : Area is not null ? "area" : "distance";

    public string SubscriptionType =>
        Zone?.SubscriptionType ?? Status?.SubscriptionType ?? User?.SubscriptionType ?? Periodic?.SubscriptionType ?? Area?.SubscriptionType ?? Distance!.SubscriptionType;

    public TimeStamp? ExpiryDeadline =>
        Zone?.ExpiryDeadline ?? Status?.ExpiryDeadline ?? User?.ExpiryDeadline ?? Periodic?.ExpiryDeadline ?? Area?.ExpiryDeadline ?? Distance?.ExpiryDeadline;

    public string? Callback =>
        Zone?.CallbackReference ?? Status?.CallbackReference ?? User?.CallbackReference ?? Periodic?.CallbackReference ?? Area?.CallbackReference ?? Distance?.CallbackReference;

    public WebsockNotifConfig? WebsockNotifConfig =>
        Zone?.WebsockNotifConfig ?? Status?.WebsockNotifConfig ?? User?.WebsockNotifConfig ?? Periodic?.WebsockNotifConfig ?? Area?.WebsockNotifConfig ?? Distance?.WebsockNotifConfig;

    public bool? RequestTestNotification =>
        Zone?.RequestTestNotification ?? Status?.RequestTestNotification ?? User?.RequestTestNotification ?? Periodic?.RequestTestNotification ?? Area?.RequestTestNotification ?? Distance?.RequestTestNotification;

    /// <summary>The WebSocket the platform opened for the subscription's notifications, when it asked for one.</summary>
    public string? WebSocketUri => WebsockNotifConfig?.WebsocketUri;

    public string Self => (Zone?.Links ?? Status?.Links ?? User?.Links ?? Periodic?.Links ?? Area?.Links ?? Distance?.Links)!.Self.Href;

    /// <summary>The same subscription with its links and WebSocket as the platform set them.</summary>
    public StoredLocationSubscription WithLinks(SelfLinks links, WebsockNotifConfig? websocket) => this with
    {
        Zone = Zone is { } z ? z with { Links = links, WebsockNotifConfig = websocket ?? z.WebsockNotifConfig } : null,
        Status = Status is { } s ? s with { Links = links, WebsockNotifConfig = websocket ?? s.WebsockNotifConfig } : null,
        User = User is { } u ? u with { Links = links, WebsockNotifConfig = websocket ?? u.WebsockNotifConfig } : null,
        Periodic = Periodic is { } p ? p with { Links = links, WebsockNotifConfig = websocket ?? p.WebsockNotifConfig } : null,
        Area = Area is { } a ? a with { Links = links, WebsockNotifConfig = websocket ?? a.WebsockNotifConfig } : null,
        Distance = Distance is { } d ? d with { Links = links, WebsockNotifConfig = websocket ?? d.WebsockNotifConfig } : null,
    };
}
