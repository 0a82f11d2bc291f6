using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Platform.Administration;
using PrecisionCloud.Mec.Platform.Storage;
using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>Application support: registrations, readiness, termination and termination subscriptions.</summary>
internal sealed partial class MecRegistry
{
    public StoredApplication? FindApplication(string app) => _applications.GetValueOrDefault(app);

    public IEnumerable<StoredApplication> Applications => _applications.Values;

    /// <summary>Whether other applications see the instance's services: it confirmed ready and is not gone.</summary>
    public bool IsOffered(string app) => _applications.TryGetValue(app, out var application) && Offers(application);

    private static bool Offers(StoredApplication application) =>
        application.ReadyConfirmed && application.Phase is AppPhase.Ready or AppPhase.Terminating;

    /// <summary>Whether a request may read the instance's resources (in conformance mode an unknown instance reads as empty).</summary>
    public bool IsKnownOrAdmitted(string app) => _applications.ContainsKey(app) || Options.ConformanceMode;

    public Task<Outcome<StoredApplication>> RegisterAsync(AppInfo request, CancellationToken cancellationToken) =>
        WriteAsync(plan =>
        {
            var byMec = request.IsInsByMec ?? false;
            if (!byMec && request.Endpoint is null)
            {
                return Done<StoredApplication>(MecError.BadRequest("endpoint", "required when isInsByMec is false"));
            }

            if (string.IsNullOrWhiteSpace(request.AppName))
            {
                return Done<StoredApplication>(MecError.BadRequest("appName", "shall not be empty"));
            }

            StoredApplication? provisioned = null;
            if (request.AppInstanceId is { } given)
            {
                provisioned = FindApplication(given);
                if (provisioned is { Phase: not AppPhase.Provisioned })
                {
                    return Done<StoredApplication>(MecError.Conflict($"application instance {given} is already registered; update it with PUT on its registration"));
                }

                if (provisioned is null && !Options.ConformanceMode)
                {
                    return Done<StoredApplication>(MecError.BadRequest("appInstanceId", $"'{given}' was not provisioned by the MEC management; leave it out and the platform assigns one"));
                }
            }
            else if (byMec)
            {
                return Done<StoredApplication>(MecError.BadRequest("appInstanceId", "required when isInsByMec is true (the identifier the MEC management provisioned)"));
            }

            if (CheckDescriptorDependencies(request, provisioned) is { } dependencies)
            {
                return Done<StoredApplication>(dependencies);
            }

            var id = request.AppInstanceId ?? Guid.NewGuid().ToString();
            var application = new StoredApplication
            {
                AppInstanceId = id,
                Phase = AppPhase.Registered,
                Provisioning = provisioned?.Provisioning,
                Registration = request with { AppInstanceId = id },
            };
            plan.Put(MecRecordKind.Application, id, application, PlatformJsonContext.Default.StoredApplication, () => _applications[id] = application);
            return Done(application);
        }, cancellationToken);

    public Task<Outcome<StoredApplication>> UpdateRegistrationAsync(string app, AppInfo request, CancellationToken cancellationToken) =>
        WriteAsync(plan =>
        {
            if (FindApplication(app) is not { Registration: not null } current)
            {
                return Done<StoredApplication>(MecError.NotFound($"registration of application instance {app}"));
            }

            if (request.AppInstanceId is { } named && named != app)
            {
                return Done<StoredApplication>(MecError.BadRequest("appInstanceId", $"'{named}' is not the instance updated ({app})"));
            }

            if (!(request.IsInsByMec ?? false) && request.Endpoint is null)
            {
                return Done<StoredApplication>(MecError.BadRequest("endpoint", "required when isInsByMec is false"));
            }

            if (CheckDescriptorDependencies(request, current) is { } dependencies)
            {
                return Done<StoredApplication>(dependencies);
            }

            var next = current with { Registration = request with { AppInstanceId = app } };
            plan.Put(MecRecordKind.Application, app, next, PlatformJsonContext.Default.StoredApplication, () => _applications[app] = next);
            return Done(next);
        }, cancellationToken);

    /// <summary>Removes a registration with the instance's services and subscriptions; a provisioned instance stays provisioned with its rules.</summary>
    public Task<Outcome<bool>> DeregisterAsync(string app, CancellationToken cancellationToken) =>
        WriteAsync(plan =>
        {
            if (FindApplication(app) is not { Registration: not null } current)
            {
                return Done<bool>(MecError.NotFound($"registration of application instance {app}"));
            }

            RemoveMp1State(plan, app);
            if (current.Provisioning is not null)
            {
                var next = current with { Phase = AppPhase.Provisioned, Registration = null, ReadyConfirmed = false };
                plan.Put(MecRecordKind.Application, app, next, PlatformJsonContext.Default.StoredApplication, () => _applications[app] = next);
            }
            else
            {
                RemoveRules(plan, app);
                plan.Remove(MecRecordKind.Application, app, () => _applications.TryRemove(app, out _));
            }

            plan.Then(_ =>
            {
                Log.Removed(_logger, app, "deregistered");
                return ValueTask.CompletedTask;
            });
            return Done(true);
        }, cancellationToken);

    public Task<Outcome<bool>> ConfirmReadyAsync(string app, AppReadyConfirmation confirmation, CancellationToken cancellationToken) =>
        WriteAsync(plan =>
        {
            if (FindApplication(app) is not { } current)
            {
                if (!Options.ConformanceMode)
                {
                    return Done<bool>(MecError.NotFound($"application instance {app}"));
                }

                current = new StoredApplication { AppInstanceId = app, Phase = AppPhase.Registered };
            }

            if (current.Phase == AppPhase.Terminating)
            {
                return Done<bool>(MecError.Conflict($"application instance {app} is terminating"));
            }

            if (current.Phase == AppPhase.Ready)
            {
                return Done(true);
            }

            var next = current with { Phase = AppPhase.Ready, ReadyConfirmed = true };
            plan.Put(MecRecordKind.Application, app, next, PlatformJsonContext.Default.StoredApplication, () => _applications[app] = next);
            foreach (var service in _services.Values.Where(s => s.Stored.AppInstanceId == app))
            {
                NotifyServiceChange(plan, service.Stored, ServiceChangeType.Added, offered: true);
            }

            return Done(true);
        }, cancellationToken);

    public IEnumerable<StoredTerminationSubscription> TerminationSubscriptionsOf(string app) =>
        _terminationSubscriptions.Values.Where(s => s.AppInstanceId == app);

    public StoredTerminationSubscription? FindTerminationSubscription(string app, string subscriptionId) =>
        _terminationSubscriptions.TryGetValue(subscriptionId, out var subscription) && subscription.AppInstanceId == app ? subscription : null;

    public Task<Outcome<StoredTerminationSubscription>> SubscribeToTerminationAsync(string app, AppTerminationNotificationSubscription request, CancellationToken cancellationToken) =>
        WriteAsync(plan =>
        {
            if (Writable(plan, app) is { Error: { } refused })
            {
                return Done<StoredTerminationSubscription>(refused);
            }

            if (request.SubscriptionType != AppTerminationNotificationSubscription.Type)
            {
                return Done<StoredTerminationSubscription>(MecError.BadRequest("subscriptionType", $"shall be {AppTerminationNotificationSubscription.Type}"));
            }

            if (request.AppInstanceId != app)
            {
                return Done<StoredTerminationSubscription>(MecError.BadRequest("appInstanceId", $"'{request.AppInstanceId}' is not the instance of the path ({app}); an instance subscribes to its own termination"));
            }

            if (CheckCallback(request.CallbackReference) is { } badCallback)
            {
                return Done<StoredTerminationSubscription>(badCallback);
            }

            var id = Guid.NewGuid().ToString();
            var stored = new StoredTerminationSubscription(app, id, request with { Links = new SelfLinks(new LinkType(Links.TerminationSubscription(app, id))) });
            plan.Put(MecRecordKind.TerminationSubscription, id, stored, PlatformJsonContext.Default.StoredTerminationSubscription, () => _terminationSubscriptions[id] = stored);
            return Done(stored);
        }, cancellationToken);

    public Task<Outcome<bool>> UnsubscribeFromTerminationAsync(string app, string subscriptionId, CancellationToken cancellationToken) =>
        WriteAsync(plan =>
        {
            if (FindTerminationSubscription(app, subscriptionId) is null)
            {
                return Done<bool>(MecError.NotFound($"subscription {subscriptionId} of application instance {app}"));
            }

            RemoveTerminationSubscription(plan, subscriptionId);
            return Done(true);
        }, cancellationToken);

    /// <summary>Starts stopping or terminating an instance: notifies its termination subscribers and waits for its confirmation or the timeout.</summary>
    public Task<Outcome<StoredApplication>> TerminateAsync(string app, TerminationRequest request, CancellationToken cancellationToken) =>
        WriteAsync(plan =>
        {
            if (FindApplication(app) is not { } current)
            {
                return Done<StoredApplication>(MecError.NotFound($"application instance {app}"));
            }

            if (current.Phase == AppPhase.Terminating)
            {
                return Done(current);
            }

            var timeout = request.MaxGracefulTimeout ?? Options.MaxGracefulTimeout;
            if (timeout < 0)
            {
                return Done<StoredApplication>(MecError.BadRequest("maxGracefulTimeout", "shall not be negative"));
            }

            var action = request.OperationAction ?? OperationAction.Terminating;
            var subscribers = TerminationSubscriptionsOf(app).ToList();
            if (subscribers.Count == 0 || timeout == 0)
            {
                RemoveApplication(plan, current, "terminated without a termination subscription to wait for");
                return Done(current with { Phase = AppPhase.Terminating, TerminationAction = action, TerminationDeadline = Now });
            }

            var next = current with { Phase = AppPhase.Terminating, TerminationAction = action, TerminationDeadline = Now.AddSeconds(timeout) };
            plan.Put(MecRecordKind.Application, app, next, PlatformJsonContext.Default.StoredApplication, () => _applications[app] = next);
            foreach (var subscriber in subscribers)
            {
                var notification = new AppTerminationNotification
                {
                    OperationAction = action,
                    MaxGracefulTimeout = timeout,
                    Links = new AppTerminationNotificationLinks(subscriber.Subscription.Links!.Self, new LinkType(Links.ConfirmTermination(app))),
                };
                plan.Notifications.Add(Notification(subscriber.SubscriptionId, subscriber.Subscription.CallbackReference, notification, MecJsonTypes.TerminationNotification));
            }

            plan.Then(_ =>
            {
                Log.Terminating(_logger, app, action, timeout);
                return ValueTask.CompletedTask;
            });
            return Done(next);
        }, cancellationToken);

    public Task<Outcome<bool>> ConfirmTerminationAsync(string app, AppTerminationConfirmation confirmation, CancellationToken cancellationToken) =>
        WriteAsync(plan =>
        {
            if (FindApplication(app) is not { } current)
            {
                return Done<bool>(MecError.NotFound($"application instance {app}"));
            }

            if (current.Phase != AppPhase.Terminating)
            {
                return Done<bool>(MecError.Conflict($"application instance {app} is not being stopped or terminated"));
            }

            if (confirmation.OperationAction != current.TerminationAction)
            {
                return Done<bool>(MecError.BadRequest("operationAction", $"shall match the notification's ({current.TerminationAction.ToString()!.ToUpperInvariant()})"));
            }

            RemoveApplication(plan, current, "confirmed its termination");
            return Done(true);
        }, cancellationToken);

    /// <summary>Finishes the terminations whose graceful timeout passed without a confirmation.</summary>
    public async Task<int> FinishOverdueTerminationsAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var overdue = _applications.Values.Where(a => a.Phase == AppPhase.Terminating && a.TerminationDeadline <= now).Select(a => a.AppInstanceId).ToList();
        if (overdue.Count == 0)
        {
            return 0;
        }

        var outcome = await WriteAsync(plan =>
        {
            var finished = 0;
            foreach (var app in overdue)
            {
                if (FindApplication(app) is { Phase: AppPhase.Terminating } current && current.TerminationDeadline <= now)
                {
                    RemoveApplication(plan, current, "graceful timeout passed without a confirmation");
                    finished++;
                }
            }

            return Done(finished);
        }, cancellationToken).ConfigureAwait(false);
        return outcome.Value;
    }

    /// <summary>The instance may change its resources: it exists and is not terminating (in conformance mode an unknown one is admitted, ready).</summary>
    private Outcome<StoredApplication> Writable(Plan plan, string app)
    {
        if (FindApplication(app) is { } application)
        {
            return application.Phase == AppPhase.Terminating
                ? MecError.Conflict($"application instance {app} is terminating")
                : application;
        }

        if (!Options.ConformanceMode)
        {
            return MecError.NotFound($"application instance {app}");
        }

        var admitted = new StoredApplication { AppInstanceId = app, Phase = AppPhase.Ready, ReadyConfirmed = true };
        plan.Put(MecRecordKind.Application, app, admitted, PlatformJsonContext.Default.StoredApplication, () => _applications.TryAdd(app, admitted));
        return admitted;
    }

    private static MecError? CheckDescriptorDependencies(AppInfo request, StoredApplication? known)
    {
        var hasDescriptor = request.AppDId is not null || known?.Provisioning?.AppDId is not null;
        var declares = request.AppServiceRequired?.Count > 0 || request.AppServiceOptional?.Count > 0
            || request.AppFeatureRequired?.Count > 0 || request.AppFeatureOptional?.Count > 0;
        return hasDescriptor && declares
            ? MecError.BadRequest("appServiceRequired", "an application with a descriptor (appDId) declares its service and feature dependencies there, not at registration")
            : null;
    }

    /// <summary>Removes an instance's services (announced as REMOVED) and its subscriptions.</summary>
    private void RemoveMp1State(Plan plan, string app)
    {
        foreach (var service in _services.Values.Where(s => s.Stored.AppInstanceId == app))
        {
            RemoveService(plan, service.Stored, exceptSubscriber: app);
        }

        foreach (var subscription in ServiceSubscriptionsOf(app))
        {
            RemoveServiceSubscription(plan, subscription.SubscriptionId);
        }

        foreach (var subscription in TerminationSubscriptionsOf(app))
        {
            RemoveTerminationSubscription(plan, subscription.SubscriptionId);
        }
    }

    /// <summary>Removes an instance and everything it had: services, subscriptions and rules.</summary>
    private void RemoveApplication(Plan plan, StoredApplication application, string how)
    {
        var app = application.AppInstanceId;
        RemoveMp1State(plan, app);
        RemoveRules(plan, app);
        plan.Remove(MecRecordKind.Application, app, () => _applications.TryRemove(app, out _));
        plan.Then(_ =>
        {
            if (application.Provisioning?.ClientId is { } clientId && _provider.GetService(typeof(Security.Tokens.AuthorizationServer)) is Security.Tokens.AuthorizationServer authorization)
            {
                authorization.Remove(clientId);
            }

            Log.Removed(_logger, app, how);
            return ValueTask.CompletedTask;
        });
    }

    private void RemoveTerminationSubscription(Plan plan, string subscriptionId)
    {
        plan.Remove(MecRecordKind.TerminationSubscription, subscriptionId, () => _terminationSubscriptions.TryRemove(subscriptionId, out _));
        plan.Then(async cancellationToken =>
        {
            _notifications.Forget(subscriptionId);
            await _store.DiscardAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        });
    }
}
