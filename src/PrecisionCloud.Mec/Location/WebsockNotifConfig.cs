namespace PrecisionCloud.Mec.Location;

/// <summary>Notification delivery over a WebSocket (ETSI GS MEC 013 clause 6.5.4, <c>websockNotifConfig</c>).</summary>
/// <param name="WebsocketUri">The WebSocket the platform opened for the subscription (in answers).</param>
/// <param name="RequestWebsocketUri">Whether the subscriber asks for one (in requests).</param>
public sealed record WebsockNotifConfig(string? WebsocketUri = null, bool? RequestWebsocketUri = null);
