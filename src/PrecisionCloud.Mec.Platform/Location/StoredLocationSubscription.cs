using PrecisionCloud.Mec.Location;

namespace PrecisionCloud.Mec.Platform.Location;

/// <summary>A MEC 013 subscription as stored: a zone or a user one, and the application instance that made it.</summary>
internal sealed record StoredLocationSubscription
{
    public required string SubscriptionId { get; init; }

    public string? Owner { get; init; }

    public ZoneLocationEventSubscription? Zone { get; init; }

    public UserLocationEventSubscription? User { get; init; }

    public TimeStamp? ExpiryDeadline => Zone?.ExpiryDeadline ?? User?.ExpiryDeadline;

    public string? Callback => Zone?.CallbackReference ?? User?.CallbackReference;

    /// <summary>The WebSocket the platform opened for the subscription's notifications, when it asked for one.</summary>
    public string? WebSocketUri => (Zone?.WebsockNotifConfig ?? User?.WebsockNotifConfig)?.WebsocketUri;

    public string Self => (Zone?.Links ?? User?.Links)!.Self.Href;
}
