using PrecisionCloud.Mec.Client.Http;
using PrecisionCloud.Mec.Client.Notifications;
using PrecisionCloud.Mec.Location;

namespace PrecisionCloud.Mec.Client;

/// <summary>
/// ETSI GS MEC 013 location (<c>location/v3</c>): where users are, the zones and access points, and zone and user
/// location event subscriptions. Errors are <see cref="MecApiException"/> with the platform's problem details.
/// </summary>
public sealed class MecLocationClient
{
    private const string Api = "location/v3/";
    private readonly HttpClient _http;
    private readonly IServiceProvider _services;

    /// <summary>Creates the client over an <see cref="HttpClient"/> whose base address is the platform's API root.</summary>
    /// <param name="http">The HTTP client (from <c>AddMecClient</c>, with tokens and retries).</param>
    /// <param name="services">Where the client finds the application's access tokens (for WebSockets).</param>
    public MecLocationClient(HttpClient http, IServiceProvider services)
    {
        _http = http;
        _services = services;
    }

    /// <summary>
    /// Subscribes to users entering or leaving a zone with notifications over a WebSocket the platform opens, and
    /// connects to it.
    /// </summary>
    /// <param name="zoneId">The zone.</param>
    /// <param name="events">Which events (both when absent).</param>
    /// <param name="cancellationToken">Cancels the subscription and the first connection.</param>
    /// <returns>The subscription (with its <c>websocketUri</c>) and the connected receiver.</returns>
    public async Task<(Tagged<ZoneLocationEventSubscription> Subscription, MecWebSocketReceiver Receiver)> SubscribeToZoneOverWebSocketAsync(string zoneId, IReadOnlyList<LocationEventType>? events, CancellationToken cancellationToken)
    {
        var body = new InlineZoneLocationEventSubscription(new ZoneLocationEventSubscription { ZoneId = zoneId, LocationEventCriteria = events, WebsockNotifConfig = new WebsockNotifConfig(RequestWebsocketUri: true) });
        var answer = await MecHttp.SendAsync<InlineZoneLocationEventSubscription>(_http, new HttpRequestMessage(HttpMethod.Post, Api + "subscriptions/zones") { Content = MecHttp.Json(body) }, cancellationToken).ConfigureAwait(false);
        var subscription = answer.Value.ZoneLocationEventSubscription!;
        var uri = subscription.WebsockNotifConfig?.WebsocketUri ?? throw new MecApiException("The platform opened no WebSocket for the subscription (websockNotifConfig.websocketUri is absent)");
        var tokens = (MecTokenSource)_services.GetService(typeof(MecTokenSource))!;
        var receiver = new MecWebSocketReceiver(new Uri(uri), async token => tokens.Enabled ? await tokens.GetAsync(token).ConfigureAwait(false) : null);
        await receiver.StartAsync(cancellationToken).ConfigureAwait(false);
        return (new Tagged<ZoneLocationEventSubscription>(subscription, answer.ETag, answer.Location), receiver);
    }

    /// <summary>The users the platform locates, filtered by zones, access points or addresses (all when absent).</summary>
    /// <param name="zoneIds">Zones.</param>
    /// <param name="accessPointIds">Access points.</param>
    /// <param name="addresses">User addresses.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The users.</returns>
    public async Task<IReadOnlyList<UserInfo>> GetUsersAsync(IReadOnlyList<string>? zoneIds, IReadOnlyList<string>? accessPointIds, IReadOnlyList<string>? addresses, CancellationToken cancellationToken)
    {
        var query = string.Join('&', new[] { ("zoneId", zoneIds), ("accessPointId", accessPointIds), ("address", addresses) }
            .Where(p => p.Item2 is { Count: > 0 })
            .Select(p => p.Item1 + "=" + Uri.EscapeDataString(string.Join(',', p.Item2!))));
        var answer = await MecHttp.SendAsync<InlineUserList>(_http, new HttpRequestMessage(HttpMethod.Get, Api + "queries/users" + (query.Length > 0 ? "?" + query : string.Empty)), cancellationToken).ConfigureAwait(false);
        return answer.Value.UserList?.User ?? [];
    }

    /// <summary>The zones.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The zones.</returns>
    public async Task<IReadOnlyList<ZoneInfo>> GetZonesAsync(CancellationToken cancellationToken) =>
        (await MecHttp.SendAsync<InlineZoneList>(_http, new HttpRequestMessage(HttpMethod.Get, Api + "queries/zones"), cancellationToken).ConfigureAwait(false)).Value.ZoneList?.Zone ?? [];

    /// <summary>One zone.</summary>
    /// <param name="zoneId">The zone.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The zone.</returns>
    public async Task<ZoneInfo> GetZoneAsync(string zoneId, CancellationToken cancellationToken) =>
        (await MecHttp.SendAsync<InlineZoneInfo>(_http, new HttpRequestMessage(HttpMethod.Get, Api + "queries/zones/" + Uri.EscapeDataString(zoneId)), cancellationToken).ConfigureAwait(false)).Value.ZoneInfo
        ?? throw new MecApiException($"GET zone {zoneId} answered no zoneInfo");

    /// <summary>The access points of a zone.</summary>
    /// <param name="zoneId">The zone.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The access points.</returns>
    public async Task<IReadOnlyList<AccessPointInfo>> GetAccessPointsAsync(string zoneId, CancellationToken cancellationToken) =>
        (await MecHttp.SendAsync<InlineAccessPointList>(_http, new HttpRequestMessage(HttpMethod.Get, Api + $"queries/zones/{Uri.EscapeDataString(zoneId)}/accessPoints"), cancellationToken).ConfigureAwait(false)).Value.AccessPointList?.AccessPoint ?? [];

    /// <summary>Subscribes to users entering or leaving a zone.</summary>
    /// <param name="zoneId">The zone.</param>
    /// <param name="callback">Where the platform posts the notifications (for example <see cref="Notifications.MecNotificationListener.ZoneLocationCallback"/>).</param>
    /// <param name="events">Which events (both when absent).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The subscription and where it lives.</returns>
    public async Task<Tagged<ZoneLocationEventSubscription>> SubscribeToZoneAsync(string zoneId, Uri callback, IReadOnlyList<LocationEventType>? events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var body = new InlineZoneLocationEventSubscription(new ZoneLocationEventSubscription { ZoneId = zoneId, CallbackReference = callback.ToString(), LocationEventCriteria = events });
        var answer = await MecHttp.SendAsync<InlineZoneLocationEventSubscription>(_http, new HttpRequestMessage(HttpMethod.Post, Api + "subscriptions/zones") { Content = MecHttp.Json(body) }, cancellationToken).ConfigureAwait(false);
        return new Tagged<ZoneLocationEventSubscription>(answer.Value.ZoneLocationEventSubscription!, answer.ETag, answer.Location);
    }

    /// <summary>Subscribes to a user entering or leaving zones.</summary>
    /// <param name="address">The user (<c>acr:</c> and its address).</param>
    /// <param name="callback">Where the platform posts the notifications (for example <see cref="Notifications.MecNotificationListener.UserLocationCallback"/>).</param>
    /// <param name="events">Which events (both when absent).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The subscription and where it lives.</returns>
    public async Task<Tagged<UserLocationEventSubscription>> SubscribeToUserAsync(string address, Uri callback, IReadOnlyList<LocationEventType>? events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var body = new InlineUserLocationEventSubscription(new UserLocationEventSubscription { Address = address, CallbackReference = callback.ToString(), LocationEventCriteria = events });
        var answer = await MecHttp.SendAsync<InlineUserLocationEventSubscription>(_http, new HttpRequestMessage(HttpMethod.Post, Api + "subscriptions/users") { Content = MecHttp.Json(body) }, cancellationToken).ConfigureAwait(false);
        return new Tagged<UserLocationEventSubscription>(answer.Value.UserLocationEventSubscription!, answer.ETag, answer.Location);
    }

    /// <summary>Ends a location subscription.</summary>
    /// <param name="subscription">The subscription's URI (its <c>_links.self</c> or <c>Location</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the platform removed it.</returns>
    public Task UnsubscribeAsync(Uri subscription, CancellationToken cancellationToken) =>
        MecHttp.SendAsync(_http, new HttpRequestMessage(HttpMethod.Delete, subscription), cancellationToken);
}
