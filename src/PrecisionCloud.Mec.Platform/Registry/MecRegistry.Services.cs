using PrecisionCloud.Mec.Platform.Storage;
using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>Service management: service instances, discovery, availability subscriptions and liveness.</summary>
internal sealed partial class MecRegistry
{
    /// <summary>The platform's own transport, which services may name by <c>transportId</c>.</summary>
    public const string PlatformTransportId = "mec-rest-http";

    public TransportInfo PlatformTransport => new()
    {
        Id = PlatformTransportId,
        Name = "REST",
        Description = "RESTful HTTP API of the MEC platform",
        Type = TransportType.RestHttp,
        Protocol = "HTTP",
        Version = "1.1",
        Endpoint = new EndPointInfo { Uris = [Links.Root] },
        Security = new SecurityInfo(new OAuth2Info([OAuth2GrantType.ClientCredentials], Options.TokenEndpoint?.OriginalString)),
    };

    /// <summary>The application instance under which the platform offers its own services (MEC 013 location).</summary>
    public const string PlatformAppInstanceId = "mec-platform";

    /// <summary>
    /// Offers (or withdraws) the platform's MEC 013 location service in discovery, as the platform's own application
    /// instance. It is offered when the site has a radio map to answer from.
    /// </summary>
    public Task<Outcome<bool>> OfferLocationServiceAsync(bool offered, CancellationToken cancellationToken) =>
        WriteAsync(plan =>
        {
            if (!offered)
            {
                if (_services.TryGetValue("mec-platform-location", out var offeredBefore))
                {
                    RemoveService(plan, offeredBefore.Stored);
                }

                return Done(false);
            }

            var application = FindApplication(PlatformAppInstanceId) ?? new StoredApplication { AppInstanceId = PlatformAppInstanceId, Phase = AppPhase.Ready, ReadyConfirmed = true };
            if (FindApplication(PlatformAppInstanceId) is null)
            {
                plan.Put(MecRecordKind.Application, PlatformAppInstanceId, application, PlatformJsonContext.Default.StoredApplication, () => _applications[PlatformAppInstanceId] = application);
            }

            var location = new ServiceInfo
            {
                SerInstanceId = "mec-platform-location",
                SerName = "location",
                SerCategory = new CategoryRef(Links.Root + "/location/v3", "location", "Location", "v3"),
                Version = "3.1.1",
                State = ServiceState.Active,
                TransportInfo = PlatformTransport with { Endpoint = new EndPointInfo { Uris = [Links.Root + "/location/v3"] } },
                Serializer = SerializerType.Json,
            };
            if (_services.TryGetValue(location.SerInstanceId, out var existing) && Same(existing.Stored.Info, location))
            {
                return Done(false);
            }

            var stored = new StoredService { AppInstanceId = PlatformAppInstanceId, Info = location, Version = (existing?.Stored.Version ?? 0) + 1 };
            var entry = Entry(stored);
            plan.Put(MecRecordKind.Service, location.SerInstanceId, stored, PlatformJsonContext.Default.StoredService, () => IndexService(entry));
            NotifyServiceChange(plan, stored, existing is null ? ServiceChangeType.Added : ServiceChangeType.AttributesChanged, offered: true);
            return Done(true);
        }, cancellationToken);

    /// <summary>The services an application may discover: those of ready applications, filtered.</summary>
    public IEnumerable<ServiceEntry> Discover(ServiceQuery query)
    {
        IEnumerable<ServiceEntry> candidates = query switch
        {
            { Names: { } names } => names.Distinct(StringComparer.Ordinal).SelectMany(n => _servicesByName.TryGetValue(n, out var named) ? named.Values : []),
            { InstanceIds: { } ids } => ids.Distinct(StringComparer.Ordinal).Select(id => _services.GetValueOrDefault(id)).OfType<ServiceEntry>(),
            _ => _services.Values,
        };
        return candidates.Where(e => IsOffered(e.Stored.AppInstanceId) && query.Matches(e.Stored.Info));
    }

    /// <summary>The services an application produces, in every state, filtered.</summary>
    public IEnumerable<ServiceEntry> ServicesOf(string app, ServiceQuery query) =>
        _services.Values.Where(e => e.Stored.AppInstanceId == app && query.Matches(e.Stored.Info));

    public ServiceEntry? FindOffered(string serviceId) =>
        _services.TryGetValue(serviceId, out var entry) && IsOffered(entry.Stored.AppInstanceId) ? entry : null;

    public ServiceEntry? FindOwned(string app, string serviceId) =>
        _services.TryGetValue(serviceId, out var entry) && entry.Stored.AppInstanceId == app ? entry : null;

    public Task<Outcome<ServiceEntry>> CreateServiceAsync(string app, ServiceInfo request, CancellationToken cancellationToken) =>
        WriteAsync(plan =>
        {
            var producer = Writable(plan, app);
            if (producer.Error is { } refused)
            {
                return Done<ServiceEntry>(refused);
            }

            if (request.SerInstanceId is not null)
            {
                return Done<ServiceEntry>(MecError.BadRequest("serInstanceId", "shall be absent in a POST request; the platform assigns it"));
            }

            var info = CheckService(request, Guid.NewGuid().ToString());
            if (info.Error is { } invalid)
            {
                return Done<ServiceEntry>(invalid);
            }

            var stored = new StoredService { AppInstanceId = app, Info = info.Value!, Version = 1, LastHeartbeat = info.Value!.LivenessInterval is > 0 ? Now : null };
            var entry = Entry(stored);
            plan.Put(MecRecordKind.Service, entry.Id, stored, PlatformJsonContext.Default.StoredService, () => IndexService(entry));
            NotifyServiceChange(plan, stored, ServiceChangeType.Added, Offers(producer.Value!));
            return Done<ServiceEntry>(entry);
        }, cancellationToken);

    public Task<Outcome<ServiceEntry>> UpdateServiceAsync(string app, string serviceId, ServiceInfo request, string? ifMatch, CancellationToken cancellationToken) =>
        WriteAsync(plan =>
        {
            if (FindOwned(app, serviceId) is not { } current)
            {
                return Done<ServiceEntry>(MecError.NotFound($"service {serviceId} of application instance {app}"));
            }

            if (ifMatch is not null && !ETagMatches(ifMatch, current.ETag))
            {
                return Done<ServiceEntry>(MecError.PreconditionFailed(current.ETag));
            }

            if (request.SerInstanceId is { } named && named != serviceId)
            {
                return Done<ServiceEntry>(MecError.BadRequest("serInstanceId", $"'{named}' is not the instance updated ({serviceId})"));
            }

            var info = CheckService(request, serviceId);
            if (info.Error is { } invalid)
            {
                return Done<ServiceEntry>(invalid);
            }

            var before = current.Stored.Info with { Links = null, IsLocal = null };
            var after = info.Value!;
            var change = Same(after, before) ? (ServiceChangeType?)null
                : Same(after with { State = before.State }, before) ? ServiceChangeType.StateChanged
                : ServiceChangeType.AttributesChanged;
            if (change is null)
            {
                return Done<ServiceEntry>(current);
            }

            var stored = current.Stored with { Info = after, Version = current.Stored.Version + 1, LastHeartbeat = after.LivenessInterval is > 0 ? current.Stored.LastHeartbeat ?? Now : null };
            var entry = Entry(stored);
            plan.Put(MecRecordKind.Service, serviceId, stored, PlatformJsonContext.Default.StoredService, () => IndexService(entry));
            NotifyServiceChange(plan, stored, change.Value, IsOffered(app));
            return Done<ServiceEntry>(entry);
        }, cancellationToken);

    public Task<Outcome<bool>> DeleteServiceAsync(string app, string serviceId, CancellationToken cancellationToken) =>
        WriteAsync(plan =>
        {
            if (FindOwned(app, serviceId) is not { } current)
            {
                return Done<bool>(MecError.NotFound($"service {serviceId} of application instance {app}"));
            }

            RemoveService(plan, current.Stored);
            return Done(true);
        }, cancellationToken);

    public Outcome<ServiceLivenessInfo> Liveness(string app, string serviceId) =>
        FindOwned(app, serviceId) is not { Stored: { Info.LivenessInterval: > 0 } stored }
            ? MecError.NotFound($"liveness of service {serviceId} of application instance {app}")
            : new ServiceLivenessInfo(stored.Info.State, TimeStamp.From(stored.LastHeartbeat ?? Now), stored.Info.LivenessInterval.Value);

    /// <summary>Records a heartbeat; answers whether it changed the service's state (a SUSPENDED service becomes ACTIVE again).</summary>
    public Task<Outcome<(bool Changed, ServiceLivenessInfo Info)>> HeartbeatAsync(string app, string serviceId, ServiceLivenessUpdate update, CancellationToken cancellationToken) =>
        WriteAsync(plan =>
        {
            if (FindOwned(app, serviceId) is not { Stored: { Info.LivenessInterval: > 0 } stored })
            {
                return Done<(bool, ServiceLivenessInfo)>(MecError.NotFound($"liveness of service {serviceId} of application instance {app}"));
            }

            if (update.State != ServiceState.Active)
            {
                return Done<(bool, ServiceLivenessInfo)>(MecError.BadRequest("state", "a heartbeat reports ACTIVE"));
            }

            var changed = stored.Info.State == ServiceState.Suspended;
            var next = stored with { Info = changed ? stored.Info with { State = ServiceState.Active } : stored.Info, LastHeartbeat = Now, Version = stored.Version + (changed ? 1 : 0) };
            var entry = Entry(next);
            plan.Put(MecRecordKind.Service, serviceId, next, PlatformJsonContext.Default.StoredService, () => IndexService(entry));
            if (changed)
            {
                NotifyServiceChange(plan, next, ServiceChangeType.StateChanged, IsOffered(app));
            }

            return Done((changed, new ServiceLivenessInfo(next.Info.State, TimeStamp.From(Now), next.Info.LivenessInterval!.Value)));
        }, cancellationToken);

    /// <summary>Moves ACTIVE services whose heartbeats stopped to SUSPENDED.</summary>
    public async Task<int> SuspendSilentServicesAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var overdue = _services.Values.Where(e => IsOverdue(e.Stored, now)).Select(e => e.Id).ToList();
        if (overdue.Count == 0)
        {
            return 0;
        }

        var outcome = await WriteAsync(plan =>
        {
            var suspended = 0;
            foreach (var id in overdue)
            {
                if (_services.TryGetValue(id, out var entry) && IsOverdue(entry.Stored, now))
                {
                    var next = entry.Stored with { Info = entry.Stored.Info with { State = ServiceState.Suspended }, Version = entry.Stored.Version + 1 };
                    var suspendedEntry = Entry(next);
                    plan.Put(MecRecordKind.Service, id, next, PlatformJsonContext.Default.StoredService, () => IndexService(suspendedEntry));
                    NotifyServiceChange(plan, next, ServiceChangeType.StateChanged, IsOffered(next.AppInstanceId));
                    Log.Suspended(_logger, next.AppInstanceId, id, entry.Stored.LastHeartbeat!.Value);
                    suspended++;
                }
            }

            return Done(suspended);
        }, cancellationToken).ConfigureAwait(false);
        return outcome.Value;
    }

    /// <summary>Whether a MEC 011 subscription (service availability or termination) exists.</summary>
    public bool HasSubscription(string subscriptionId) =>
        _serviceSubscriptions.ContainsKey(subscriptionId) || _terminationSubscriptions.ContainsKey(subscriptionId);

    public IEnumerable<StoredServiceSubscription> ServiceSubscriptionsOf(string app) =>
        _serviceSubscriptions.Values.Where(s => s.AppInstanceId == app);

    public StoredServiceSubscription? FindServiceSubscription(string app, string subscriptionId) =>
        _serviceSubscriptions.TryGetValue(subscriptionId, out var subscription) && subscription.AppInstanceId == app ? subscription : null;

    public Task<Outcome<StoredServiceSubscription>> SubscribeToServicesAsync(string app, SerAvailabilityNotificationSubscription request, CancellationToken cancellationToken) =>
        WriteAsync(plan =>
        {
            if (Writable(plan, app) is { Error: { } refused })
            {
                return Done<StoredServiceSubscription>(refused);
            }

            if (request.SubscriptionType != SerAvailabilityNotificationSubscription.Type)
            {
                return Done<StoredServiceSubscription>(MecError.BadRequest("subscriptionType", $"shall be {SerAvailabilityNotificationSubscription.Type}"));
            }

            if (CheckCallback(request.CallbackReference) is { } badCallback)
            {
                return Done<StoredServiceSubscription>(badCallback);
            }

            if (request.FilteringCriteria is { } criteria
                && new[] { criteria.SerInstanceIds?.Count > 0, criteria.SerNames?.Count > 0, criteria.SerCategories?.Count > 0 }.Count(present => present) > 1)
            {
                return Done<StoredServiceSubscription>(MecError.BadRequest("filteringCriteria", "serInstanceIds, serNames and serCategories are mutually exclusive"));
            }

            var id = Guid.NewGuid().ToString();
            var stored = new StoredServiceSubscription(app, id, request with { Links = new SelfLinks(new LinkType(Links.ServiceSubscription(app, id))) });
            plan.Put(MecRecordKind.ServiceSubscription, id, stored, PlatformJsonContext.Default.StoredServiceSubscription, () => _serviceSubscriptions[id] = stored);
            return Done(stored);
        }, cancellationToken);

    public Task<Outcome<bool>> UnsubscribeFromServicesAsync(string app, string subscriptionId, CancellationToken cancellationToken) =>
        WriteAsync(plan =>
        {
            if (FindServiceSubscription(app, subscriptionId) is null)
            {
                return Done<bool>(MecError.NotFound($"subscription {subscriptionId} of application instance {app}"));
            }

            RemoveServiceSubscription(plan, subscriptionId);
            return Done(true);
        }, cancellationToken);

    /// <summary>Removes a service, announced as REMOVED (not to <paramref name="exceptSubscriber"/>, whose subscriptions go in the same change).</summary>
    private void RemoveService(Plan plan, StoredService stored, string? exceptSubscriber = null)
    {
        var id = stored.Info.SerInstanceId!;
        plan.Remove(MecRecordKind.Service, id, () => UnindexService(id));
        NotifyServiceChange(plan, stored, ServiceChangeType.Removed, IsOffered(stored.AppInstanceId), exceptSubscriber);
    }

    private void RemoveServiceSubscription(Plan plan, string subscriptionId)
    {
        plan.Remove(MecRecordKind.ServiceSubscription, subscriptionId, () => _serviceSubscriptions.TryRemove(subscriptionId, out _));
        plan.Then(async cancellationToken =>
        {
            _notifications.Forget(subscriptionId);
            await _store.DiscardAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        });
    }

    /// <summary>Tells every matching subscriber about a change of a service that others can see.</summary>
    private void NotifyServiceChange(Plan plan, StoredService service, ServiceChangeType change, bool offered, string? exceptSubscriber = null)
    {
        if (!offered)
        {
            return;
        }

        var info = service.Info;
        var reference = new ServiceReference
        {
            Link = new LinkType(Links.Service(service.AppInstanceId, info.SerInstanceId!)),
            SerName = info.SerName,
            SerInstanceId = info.SerInstanceId!,
            State = info.State,
            ChangeType = change,
        };
        foreach (var subscription in _serviceSubscriptions.Values)
        {
            if (subscription.AppInstanceId != exceptSubscriber && Matches(subscription.Subscription.FilteringCriteria, info))
            {
                var body = new ServiceAvailabilityNotification
                {
                    ServiceReferences = [reference],
                    Links = new NotificationLinks(subscription.Subscription.Links!.Self),
                };
                plan.Notifications.Add(Notification(subscription.SubscriptionId, subscription.Subscription.CallbackReference, body, MecJsonTypes.ServiceNotification));
            }
        }
    }

    private static bool Matches(FilteringCriteria? criteria, ServiceInfo service) =>
        criteria is null
        || ((criteria.SerInstanceIds is not { Count: > 0 } ids || ids.Contains(service.SerInstanceId!, StringComparer.Ordinal))
            && (criteria.SerNames is not { Count: > 0 } names || names.Contains(service.SerName, StringComparer.Ordinal))
            && (criteria.SerCategories is not { Count: > 0 } categories || categories.Any(c => c.Id == service.SerCategory?.Id))
            && (criteria.States is not { Count: > 0 } states || states.Contains(service.State))
            && criteria.IsLocal != false);

    private bool IsOverdue(StoredService service, DateTimeOffset now) =>
        service.Info is { State: ServiceState.Active, LivenessInterval: > 0 and var interval }
        && service.LastHeartbeat is { } last
        && now - last > TimeSpan.FromSeconds((double)interval * Options.MissedHeartbeatsBeforeSuspension);

    /// <summary>Checks a service from a request and gives it the platform's choices: its id, its transport, its heartbeat interval.</summary>
    private Outcome<ServiceInfo> CheckService(ServiceInfo request, string serviceId)
    {
        if (string.IsNullOrWhiteSpace(request.SerName))
        {
            return MecError.BadRequest("serName", "shall not be empty");
        }

        if (string.IsNullOrWhiteSpace(request.Version))
        {
            return MecError.BadRequest("version", "shall not be empty");
        }

        if (request is { TransportId: not null, TransportInfo: not null })
        {
            return MecError.BadRequest("transportInfo", "either transportId or transportInfo, not both");
        }

        if (request is { TransportId: null, TransportInfo: null })
        {
            return MecError.BadRequest("transportInfo", "required (or transportId naming a transport of GET /transports)");
        }

        if (request.TransportId is { } transportId && transportId != PlatformTransportId)
        {
            return MecError.BadRequest("transportId", $"'{transportId}' is not a transport of this platform (GET /transports)");
        }

        if (request.LivenessInterval is < 0)
        {
            return MecError.BadRequest("livenessInterval", "shall not be negative");
        }

        var interval = request.LivenessInterval switch
        {
            null => (int?)null,
            0 => Options.LivenessInterval,
            var proposed => Math.Max(proposed.Value, Options.MinLivenessInterval),
        };
        return request with
        {
            SerInstanceId = serviceId,
            TransportId = null,
            TransportInfo = request.TransportInfo ?? PlatformTransport,
            LivenessInterval = interval,
            IsLocal = null,
            Links = null,
        };
    }

    /// <summary>Records compare the lists they hold by reference; two MEC values are the same when their JSON is.</summary>
    private static bool Same<T>(T left, T right) => MecJson.Serialize(left) == MecJson.Serialize(right);

    private static MecError? CheckCallback(string callback) =>
        Uri.TryCreate(callback, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : MecError.BadRequest("callbackReference", "shall be an absolute http or https URI");

    private static bool ETagMatches(string ifMatch, string etag) =>
        ifMatch.Trim() == "*" || ifMatch.Split(',').Any(candidate => candidate.Trim() is var tag && (tag == etag || tag == "W/" + etag));

    private static ValueTask<Outcome<T>> Done<T>(Outcome<T> outcome) => ValueTask.FromResult(outcome);

    private static ValueTask<Outcome<T>> Done<T>(T value) => ValueTask.FromResult<Outcome<T>>(value);

    private static ValueTask<Outcome<T>> Done<T>(MecError error) => ValueTask.FromResult<Outcome<T>>(error);
}
