using PrecisionCloud.Mec.Location;

namespace PrecisionCloud.Mec.Platform.Location;

/// <summary>A MEC 013 subscription as stored: a zone or a user one, and the application instance that made it.</summary>
internal sealed record StoredLocationSubscription
{
    public required string SubscriptionId { get; init; }

    public string? Owner { get; init; }

    public ZoneLocationEventSubscription? Zone { get; init; }

    public UserLocationEventSubscription? User { get; init; }

    public ZoneStatusSubscription? Status { get; init; }

    /// <summary>Whether it is one of the zone subscriptions (<c>/subscriptions/zones</c>).</summary>
    public bool IsZoneKind => Zone is not null || Status is not null;

    public TimeStamp? ExpiryDeadline => Zone?.ExpiryDeadline ?? User?.ExpiryDeadline ?? Status?.ExpiryDeadline;

    public string? Callback => Zone?.CallbackReference ?? User?.CallbackReference ?? Status?.CallbackReference;

    public WebsockNotifConfig? WebsockNotifConfig => Zone?.WebsockNotifConfig ?? User?.WebsockNotifConfig ?? Status?.WebsockNotifConfig;

    public bool? RequestTestNotification => Zone?.RequestTestNotification ?? User?.RequestTestNotification ?? Status?.RequestTestNotification;

    /// <summary>The WebSocket the platform opened for the subscription's notifications, when it asked for one.</summary>
    public string? WebSocketUri => WebsockNotifConfig?.WebsocketUri;

    public string Self => (Zone?.Links ?? User?.Links ?? Status?.Links)!.Self.Href;

    public string SubscriptionType => Zone?.SubscriptionType ?? User?.SubscriptionType ?? Status!.SubscriptionType;

    /// <summary>The same subscription with its links and WebSocket as the platform set them.</summary>
    public StoredLocationSubscription WithLinks(SelfLinks links, WebsockNotifConfig? websocket) => this with
    {
        Zone = Zone is { } z ? z with { Links = links, WebsockNotifConfig = websocket ?? z.WebsockNotifConfig } : null,
        User = User is { } u ? u with { Links = links, WebsockNotifConfig = websocket ?? u.WebsockNotifConfig } : null,
        Status = Status is { } s ? s with { Links = links, WebsockNotifConfig = websocket ?? s.WebsockNotifConfig } : null,
    };
}
