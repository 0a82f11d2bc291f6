using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Platform.DataPlane;
using PrecisionCloud.Mec.Platform.Http;
using PrecisionCloud.Mec.Platform.Notifications;
using PrecisionCloud.Mec.Platform.Storage;
using PrecisionCloud.Mec.ServiceManagement;
using PrecisionCloud.Security.Tokens;

namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>
/// The platform's state: every application, service, subscription and rule, in memory for reads and in the store
/// for durability. Changes run one at a time: each is planned against the current state, committed to the store
/// with the notifications it causes, and only then applied in memory and acknowledged. Reads never wait.
/// </summary>
internal sealed partial class MecRegistry : IDisposable
{
    private readonly IServiceProvider _provider;
    private readonly IMecPlatformStore _store;
    private readonly ITrafficRuleEnforcer _traffic;
    private readonly IDnsRuleEnforcer _dns;
    private readonly INotificationQueue _notifications;
    private readonly TimeProvider _time;
    private readonly ILogger<MecRegistry> _logger;
    private readonly SemaphoreSlim _writer = new(1, 1);

    private readonly ConcurrentDictionary<string, StoredApplication> _applications = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServiceEntry> _services = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ServiceEntry>> _servicesByName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredServiceSubscription> _serviceSubscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredTerminationSubscription> _terminationSubscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredTrafficRule> _trafficRules = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StoredDnsRule> _dnsRules = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _refusedRules = new(StringComparer.Ordinal);

    public MecRegistry(
        IServiceProvider provider,
        IMecPlatformStore store,
        ITrafficRuleEnforcer traffic,
        IDnsRuleEnforcer dns,
        INotificationQueue notifications,
        IOptions<MecPlatformOptions> options,
        TimeProvider time,
        ILogger<MecRegistry> logger)
    {
        _provider = provider;
        _store = store;
        _traffic = traffic;
        _dns = dns;
        _notifications = notifications;
        _time = time;
        _logger = logger;
        Options = options.Value;
    }

    public MecPlatformOptions Options { get; }

    /// <summary>The URIs of the platform's resources; known once <see cref="LoadAsync"/> is given the API root.</summary>
    public MecLinks Links { get; private set; } = null!;

    public IMecPlatformStore Store => _store;

    public int ServiceCount => _services.Count;

    /// <summary>Rebuilds the state from the store and puts every ACTIVE rule back into effect.</summary>
    /// <param name="apiRoot">Where applications reach the platform.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public async Task LoadAsync(Uri apiRoot, CancellationToken cancellationToken)
    {
        Links = new MecLinks(apiRoot);
        foreach (var record in await _store.LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (record.Kind)
            {
                case MecRecordKind.Application:
                    var application = JsonSerializer.Deserialize(record.Body, PlatformJsonContext.Default.StoredApplication)!;
                    _applications[application.AppInstanceId] = application;
                    break;
                case MecRecordKind.Service:
                    IndexService(Entry(JsonSerializer.Deserialize(record.Body, PlatformJsonContext.Default.StoredService)!));
                    break;
                case MecRecordKind.ServiceSubscription:
                    var subscription = JsonSerializer.Deserialize(record.Body, PlatformJsonContext.Default.StoredServiceSubscription)!;
                    _serviceSubscriptions[subscription.SubscriptionId] = subscription;
                    break;
                case MecRecordKind.TerminationSubscription:
                    var termination = JsonSerializer.Deserialize(record.Body, PlatformJsonContext.Default.StoredTerminationSubscription)!;
                    _terminationSubscriptions[termination.SubscriptionId] = termination;
                    break;
                case MecRecordKind.TrafficRule:
                    var traffic = JsonSerializer.Deserialize(record.Body, PlatformJsonContext.Default.StoredTrafficRule)!;
                    _trafficRules[record.Id] = traffic;
                    break;
                case MecRecordKind.DnsRule:
                    var dns = JsonSerializer.Deserialize(record.Body, PlatformJsonContext.Default.StoredDnsRule)!;
                    _dnsRules[record.Id] = dns;
                    break;
            }
        }

        if (_provider.GetService(typeof(AuthorizationServer)) is AuthorizationServer authorization)
        {
            foreach (var application in _applications.Values.Where(a => a.ClientRegistration is not null))
            {
                authorization.Restore(application.ClientRegistration!);
            }
        }

        foreach (var rule in _trafficRules.Values.Where(r => r.Rule.State == RuleState.Active))
        {
            await EnforceAsync(rule, cancellationToken).ConfigureAwait(false);
        }

        foreach (var rule in _dnsRules.Values.Where(r => r.Rule.State == RuleState.Active))
        {
            await EnforceAsync(rule, cancellationToken).ConfigureAwait(false);
        }

        Log.Loaded(_logger, _applications.Count, _services.Count, _serviceSubscriptions.Count + _terminationSubscriptions.Count, _trafficRules.Count + _dnsRules.Count);
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>Plans a change against the current state, commits it, applies it, and queues its notifications.</summary>
    private async Task<Outcome<T>> WriteAsync<T>(Func<Plan, ValueTask<Outcome<T>>> decide, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var plan = new Plan();
            Outcome<T> outcome;
            IReadOnlyList<PendingNotification> pending;
            try
            {
                outcome = await decide(plan).ConfigureAwait(false);
                if (outcome.Error is not null || plan.IsEmpty)
                {
                    await UndoAsync(plan).ConfigureAwait(false);
                    return outcome;
                }

                pending = await _store.CommitAsync(plan.Changes, plan.Notifications, CancellationToken.None).ConfigureAwait(false);
            }
            catch
            {
                await UndoAsync(plan).ConfigureAwait(false);
                throw;
            }

            plan.ApplyToMemory();
            _notifications.Enqueue(pending);

            // The change is committed and answered as such: a step after it that fails is logged, not the answer.
            foreach (var effect in plan.Effects)
            {
                try
                {
                    await effect(CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception error)
                {
                    Log.EffectFailed(_logger, error);
                }
            }

            return outcome;
        }
        finally
        {
            _writer.Release();
        }
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private async Task UndoAsync(Plan plan)
    {
        foreach (var undo in plan.Aborts)
        {
            try
            {
                await undo().ConfigureAwait(false);
            }
            catch (Exception error)
            {
                Log.EffectFailed(_logger, error);
            }
        }
    }

    private OutgoingNotification Notification<T>(string subscriptionId, string callback, T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        new(subscriptionId, new Uri(callback, UriKind.Absolute), JsonSerializer.Serialize(body, typeInfo), Now + Options.Notifications.TimeToLive);

    private static string RuleKey(string app, string rule) => app + "\n" + rule;

    private ServiceEntry Entry(StoredService stored)
    {
        var info = stored.Info with
        {
            IsLocal = true,
            Links = new ServiceLinks(
                new LinkType(Links.Service(stored.AppInstanceId, stored.Info.SerInstanceId!)),
                stored.Info.LivenessInterval is > 0 ? new LinkType(Links.Liveness(stored.AppInstanceId, stored.Info.SerInstanceId!)) : null),
        };
        return new ServiceEntry(stored, JsonSerializer.SerializeToUtf8Bytes(info, MecJsonTypes.ServiceInfo), $"\"{stored.Version}\"");
    }

    private void IndexService(ServiceEntry entry)
    {
        if (_services.TryGetValue(entry.Id, out var previous) && previous.Stored.Info.SerName != entry.Stored.Info.SerName)
        {
            UnindexName(previous);
        }

        _services[entry.Id] = entry;
        _servicesByName.GetOrAdd(entry.Stored.Info.SerName, _ => new ConcurrentDictionary<string, ServiceEntry>(StringComparer.Ordinal))[entry.Id] = entry;
    }

    private void UnindexService(string serviceId)
    {
        if (_services.TryRemove(serviceId, out var entry))
        {
            UnindexName(entry);
        }
    }

    private void UnindexName(ServiceEntry entry)
    {
        if (_servicesByName.TryGetValue(entry.Stored.Info.SerName, out var named))
        {
            named.TryRemove(entry.Id, out _);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "MEC platform state loaded: {Applications} applications, {Services} services, {Subscriptions} subscriptions, {Rules} rules")]
        public static partial void Loaded(ILogger logger, int applications, int services, int subscriptions, int rules);

        [LoggerMessage(2, LogLevel.Warning, "Rule {RuleId} of {AppInstanceId} is ACTIVE but not in effect: {Reason}")]
        public static partial void RuleRefused(ILogger logger, string appInstanceId, string ruleId, string reason);

        [LoggerMessage(3, LogLevel.Information, "Service {ServiceId} of {AppInstanceId} suspended: no heartbeat since {LastHeartbeat}")]
        public static partial void Suspended(ILogger logger, string appInstanceId, string serviceId, DateTimeOffset lastHeartbeat);

        [LoggerMessage(4, LogLevel.Information, "Application {AppInstanceId} {Action}: waiting up to {Timeout} s for its confirmation")]
        public static partial void Terminating(ILogger logger, string appInstanceId, OperationAction action, int timeout);

        [LoggerMessage(5, LogLevel.Information, "Application {AppInstanceId} removed ({How})")]
        public static partial void Removed(ILogger logger, string appInstanceId, string how);

        [LoggerMessage(6, LogLevel.Error, "A step outside the platform's state (data plane, resolver, outbox or authorization server) failed")]
        public static partial void EffectFailed(ILogger logger, Exception error);
    }
}
