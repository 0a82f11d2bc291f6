using System.Net;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Client.Http;

namespace PrecisionCloud.Mec.Client;

/// <summary>
/// ETSI GS MEC 011 application support (<c>mec_app_support/v2</c>) for one application instance: registration,
/// readiness, termination, its traffic and DNS rules (state changes with <c>If-Match</c>) and the platform's time.
/// Errors are <see cref="MecApiException"/> with the platform's problem details.
/// </summary>
public sealed class MecApplicationSupportClient
{
    private const string Api = "mec_app_support/v2/";
    private readonly HttpClient _http;
    private readonly MecApplicationIdentity _identity;

    /// <summary>Creates the client over an <see cref="HttpClient"/> whose base address is the platform's API root.</summary>
    /// <param name="http">The HTTP client (from <c>AddMecClient</c>, with tokens and retries).</param>
    /// <param name="identity">This application instance; registration sets it when the platform assigns it.</param>
    public MecApplicationSupportClient(HttpClient http, MecApplicationIdentity identity)
    {
        _http = http;
        _identity = identity;
    }

    /// <summary>Registers this application; the instance identifier the platform answers becomes this client's.</summary>
    /// <param name="registration">The registration (<c>appInstanceId</c> filled in from the identity when known).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The registration as stored and where it lives.</returns>
    public async Task<Tagged<AppInfo>> RegisterAsync(AppInfo registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var request = registration with { AppInstanceId = registration.AppInstanceId ?? _identity.AppInstanceId };
        var registered = await MecHttp.SendAsync<AppInfo>(_http, new HttpRequestMessage(HttpMethod.Post, Api + "registrations") { Content = MecHttp.Json(request) }, cancellationToken).ConfigureAwait(false);
        _identity.AppInstanceId = registered.Value.AppInstanceId;
        return registered;
    }

    /// <summary>Removes this application's registration (and with it its services and subscriptions).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the platform removed it.</returns>
    public Task DeregisterAsync(CancellationToken cancellationToken) =>
        MecHttp.SendAsync(_http, new HttpRequestMessage(HttpMethod.Delete, Api + "registrations/" + Uri.EscapeDataString(_identity.Require())), cancellationToken);

    /// <summary>Tells the platform this instance is up: from now on its services are offered to others.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the platform took note.</returns>
    public Task ConfirmReadyAsync(CancellationToken cancellationToken) =>
        MecHttp.SendAsync(_http, new HttpRequestMessage(HttpMethod.Post, Own("confirm_ready")) { Content = MecHttp.Json(new AppReadyConfirmation(ReadyIndication.Ready)) }, cancellationToken);

    /// <summary>Tells the platform this instance finished what a termination notification asked it to.</summary>
    /// <param name="action">The notification's action.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the platform took note.</returns>
    public Task ConfirmTerminationAsync(OperationAction action, CancellationToken cancellationToken) =>
        MecHttp.SendAsync(_http, new HttpRequestMessage(HttpMethod.Post, Own("confirm_termination")) { Content = MecHttp.Json(new AppTerminationConfirmation(action)) }, cancellationToken);

    /// <summary>Subscribes to this instance's termination notices.</summary>
    /// <param name="callback">Where the platform posts them (for example <see cref="Notifications.MecNotificationListener.TerminationCallback"/>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The subscription and where it lives.</returns>
    public Task<Tagged<AppTerminationNotificationSubscription>> SubscribeToTerminationAsync(Uri callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var subscription = new AppTerminationNotificationSubscription { CallbackReference = callback.ToString(), AppInstanceId = _identity.Require() };
        return MecHttp.SendAsync<AppTerminationNotificationSubscription>(_http, new HttpRequestMessage(HttpMethod.Post, Own("subscriptions")) { Content = MecHttp.Json(subscription) }, cancellationToken);
    }

    /// <summary>This instance's traffic rules.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The rules.</returns>
    public async Task<IReadOnlyList<TrafficRule>> GetTrafficRulesAsync(CancellationToken cancellationToken) =>
        (await MecHttp.SendAsync<IReadOnlyList<TrafficRule>>(_http, new HttpRequestMessage(HttpMethod.Get, Own("traffic_rules")), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>One traffic rule with its ETag.</summary>
    /// <param name="trafficRuleId">The rule.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The rule and its ETag.</returns>
    public Task<Tagged<TrafficRule>> GetTrafficRuleAsync(string trafficRuleId, CancellationToken cancellationToken) =>
        MecHttp.SendAsync<TrafficRule>(_http, new HttpRequestMessage(HttpMethod.Get, Own("traffic_rules/" + Uri.EscapeDataString(trafficRuleId))), cancellationToken);

    /// <summary>
    /// Sets a traffic rule's state: reads it, writes it back with the new state and <c>If-Match</c>, and when
    /// another writer got in between (412) reads and writes once more. A rule the data plane cannot honour is a
    /// <see cref="MecApiException"/> with status 409 and the reason.
    /// </summary>
    /// <param name="trafficRuleId">The rule.</param>
    /// <param name="state">The state to set.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The rule as stored now, with its ETag.</returns>
    public Task<Tagged<TrafficRule>> SetTrafficRuleStateAsync(string trafficRuleId, RuleState state, CancellationToken cancellationToken) =>
        SetStateAsync(
            token => GetTrafficRuleAsync(trafficRuleId, token),
            rule => rule with { State = state },
            Own("traffic_rules/" + Uri.EscapeDataString(trafficRuleId)),
            cancellationToken);

    /// <summary>This instance's DNS rules.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The rules.</returns>
    public async Task<IReadOnlyList<DnsRule>> GetDnsRulesAsync(CancellationToken cancellationToken) =>
        (await MecHttp.SendAsync<IReadOnlyList<DnsRule>>(_http, new HttpRequestMessage(HttpMethod.Get, Own("dns_rules")), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>One DNS rule with its ETag.</summary>
    /// <param name="dnsRuleId">The rule.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The rule and its ETag.</returns>
    public Task<Tagged<DnsRule>> GetDnsRuleAsync(string dnsRuleId, CancellationToken cancellationToken) =>
        MecHttp.SendAsync<DnsRule>(_http, new HttpRequestMessage(HttpMethod.Get, Own("dns_rules/" + Uri.EscapeDataString(dnsRuleId))), cancellationToken);

    /// <summary>Sets a DNS rule's state, as <see cref="SetTrafficRuleStateAsync"/> does for traffic rules.</summary>
    /// <param name="dnsRuleId">The rule.</param>
    /// <param name="state">The state to set.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The rule as stored now, with its ETag.</returns>
    public Task<Tagged<DnsRule>> SetDnsRuleStateAsync(string dnsRuleId, RuleState state, CancellationToken cancellationToken) =>
        SetStateAsync(
            token => GetDnsRuleAsync(dnsRuleId, token),
            rule => rule with { State = state },
            Own("dns_rules/" + Uri.EscapeDataString(dnsRuleId)),
            cancellationToken);

    /// <summary>The platform's timing capabilities.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The capabilities.</returns>
    public async Task<TimingCaps> GetTimingCapsAsync(CancellationToken cancellationToken) =>
        (await MecHttp.SendAsync<TimingCaps>(_http, new HttpRequestMessage(HttpMethod.Get, Api + "timing/timing_caps"), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>The platform's current time.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The time and whether it is traceable to UTC.</returns>
    public async Task<CurrentTime> GetCurrentTimeAsync(CancellationToken cancellationToken) =>
        (await MecHttp.SendAsync<CurrentTime>(_http, new HttpRequestMessage(HttpMethod.Get, Api + "timing/current_time"), cancellationToken).ConfigureAwait(false)).Value;

    private async Task<Tagged<T>> SetStateAsync<T>(Func<CancellationToken, Task<Tagged<T>>> read, Func<T, T> change, string path, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await read(cancellationToken).ConfigureAwait(false);
            var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = MecHttp.Json(change(current.Value)) };
            if (current.ETag is { } etag)
            {
                request.Headers.TryAddWithoutValidation("If-Match", etag);
            }

            try
            {
                return await MecHttp.SendAsync<T>(_http, request, cancellationToken).ConfigureAwait(false);
            }
            catch (MecApiException error) when (error.Status == HttpStatusCode.PreconditionFailed && attempt == 0)
            {
                // Another writer changed the rule since it was read: read it again and write once more.
            }
        }
    }

    private string Own(string resource) => $"{Api}applications/{Uri.EscapeDataString(_identity.Require())}/{resource}";
}
