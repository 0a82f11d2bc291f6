using PrecisionCloud.Mec.Client.Http;
using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.Client;

/// <summary>
/// ETSI GS MEC 011 service management (<c>mec_service_mgmt/v1</c>) for one application instance: discovery,
/// transports, its own services (with ETags), availability subscriptions and heartbeats. Errors are
/// <see cref="MecApiException"/> with the platform's problem details.
/// </summary>
public sealed class MecServiceManagementClient
{
    private const string Api = "mec_service_mgmt/v1/";
    private readonly HttpClient _http;
    private readonly MecApplicationIdentity _identity;

    /// <summary>Creates the client over an <see cref="HttpClient"/> whose base address is the platform's API root.</summary>
    /// <param name="http">The HTTP client (from <c>AddMecClient</c>, with tokens and retries).</param>
    /// <param name="identity">This application instance.</param>
    public MecServiceManagementClient(HttpClient http, MecApplicationIdentity identity)
    {
        _http = http;
        _identity = identity;
    }

    /// <summary>The services this application may use (<c>GET /services</c>).</summary>
    /// <param name="filter">The filters (all services when absent).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The services.</returns>
    public async Task<IReadOnlyList<ServiceInfo>> DiscoverAsync(ServiceFilter? filter, CancellationToken cancellationToken) =>
        (await MecHttp.SendAsync<IReadOnlyList<ServiceInfo>>(_http, new HttpRequestMessage(HttpMethod.Get, Api + "services" + filter?.ToQueryString()), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>One service (<c>GET /services/{serviceId}</c>).</summary>
    /// <param name="serviceId">Its instance identifier.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The service.</returns>
    public async Task<ServiceInfo> GetServiceAsync(string serviceId, CancellationToken cancellationToken) =>
        (await MecHttp.SendAsync<ServiceInfo>(_http, new HttpRequestMessage(HttpMethod.Get, Api + "services/" + Uri.EscapeDataString(serviceId)), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>The platform's transports (<c>GET /transports</c>).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The transports.</returns>
    public async Task<IReadOnlyList<TransportInfo>> GetTransportsAsync(CancellationToken cancellationToken) =>
        (await MecHttp.SendAsync<IReadOnlyList<TransportInfo>>(_http, new HttpRequestMessage(HttpMethod.Get, Api + "transports"), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Publishes a service this application produces.</summary>
    /// <param name="service">The service (without <c>serInstanceId</c>; the platform assigns it).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The service as the platform stored it, its ETag and location.</returns>
    public Task<Tagged<ServiceInfo>> PublishAsync(ServiceInfo service, CancellationToken cancellationToken) =>
        MecHttp.SendAsync<ServiceInfo>(_http, new HttpRequestMessage(HttpMethod.Post, Own("services")) { Content = MecHttp.Json(service) }, cancellationToken);

    /// <summary>The services this application produces, in every state.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The services.</returns>
    public async Task<IReadOnlyList<ServiceInfo>> GetOwnServicesAsync(CancellationToken cancellationToken) =>
        (await MecHttp.SendAsync<IReadOnlyList<ServiceInfo>>(_http, new HttpRequestMessage(HttpMethod.Get, Own("services")), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>One service this application produces, with its ETag.</summary>
    /// <param name="serviceId">Its instance identifier.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The service and its ETag.</returns>
    public Task<Tagged<ServiceInfo>> GetOwnServiceAsync(string serviceId, CancellationToken cancellationToken) =>
        MecHttp.SendAsync<ServiceInfo>(_http, new HttpRequestMessage(HttpMethod.Get, Own("services/" + Uri.EscapeDataString(serviceId))), cancellationToken);

    /// <summary>Replaces a service, only if nobody changed it since it was read (<c>If-Match</c> with its ETag; 412 otherwise).</summary>
    /// <param name="service">The service as read, with the changes made to its value.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The service as stored now, and its new ETag.</returns>
    public Task<Tagged<ServiceInfo>> UpdateAsync(Tagged<ServiceInfo> service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        var id = service.Value.SerInstanceId ?? throw new ArgumentException("The service has no serInstanceId: publish it first", nameof(service));
        var request = new HttpRequestMessage(HttpMethod.Put, Own("services/" + Uri.EscapeDataString(id))) { Content = MecHttp.Json(service.Value with { Links = null, IsLocal = null }) };
        if (service.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return MecHttp.SendAsync<ServiceInfo>(_http, request, cancellationToken);
    }

    /// <summary>Withdraws a service this application produces.</summary>
    /// <param name="serviceId">Its instance identifier.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the platform removed it.</returns>
    public Task WithdrawAsync(string serviceId, CancellationToken cancellationToken) =>
        MecHttp.SendAsync(_http, new HttpRequestMessage(HttpMethod.Delete, Own("services/" + Uri.EscapeDataString(serviceId))), cancellationToken);

    /// <summary>Sends a heartbeat for a service that has a liveness resource.</summary>
    /// <param name="service">The service as the platform returned it (its <c>_links.liveness</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The liveness when the heartbeat changed the service's state (SUSPENDED to ACTIVE); none otherwise.</returns>
    public async Task<ServiceLivenessInfo?> HeartbeatAsync(ServiceInfo service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        var liveness = service.Links?.Liveness?.Href ?? throw new ArgumentException("The service has no liveness resource (it was published without livenessInterval)", nameof(service));
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(liveness, UriKind.Absolute)) { Content = MecHttp.Json(new ServiceLivenessUpdate(ServiceState.Active)) };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await MecHttp.EnsureSuccessAsync(response, request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == System.Net.HttpStatusCode.OK
            ? MecJson.Deserialize<ServiceLivenessInfo>(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))
            : null;
    }

    /// <summary>Subscribes to service availability notifications.</summary>
    /// <param name="callback">Where the platform posts them (for example <see cref="Notifications.MecNotificationListener.ServiceAvailabilityCallback"/>).</param>
    /// <param name="criteria">Which services to hear of (all when absent).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The subscription and where it lives.</returns>
    public Task<Tagged<SerAvailabilityNotificationSubscription>> SubscribeAsync(Uri callback, FilteringCriteria? criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var subscription = new SerAvailabilityNotificationSubscription { CallbackReference = callback.ToString(), FilteringCriteria = criteria };
        return MecHttp.SendAsync<SerAvailabilityNotificationSubscription>(_http, new HttpRequestMessage(HttpMethod.Post, Own("subscriptions")) { Content = MecHttp.Json(subscription) }, cancellationToken);
    }

    /// <summary>Ends a subscription.</summary>
    /// <param name="subscription">The subscription's URI (its <c>_links.self</c> or <c>Location</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the platform removed it.</returns>
    public Task UnsubscribeAsync(Uri subscription, CancellationToken cancellationToken) =>
        MecHttp.SendAsync(_http, new HttpRequestMessage(HttpMethod.Delete, subscription), cancellationToken);

    private string Own(string resource) => $"{Api}applications/{Uri.EscapeDataString(_identity.Require())}/{resource}";
}
