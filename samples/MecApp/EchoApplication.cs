using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Client;
using PrecisionCloud.Mec.Client.Lifecycle;
using PrecisionCloud.Mec.Client.Notifications;
using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Samples.MecApp;

/// <summary>The sample application: one service, its traffic rules, and the platform's lifecycle.</summary>
internal sealed partial class EchoApplication(
    MecApplicationSupportClient support,
    MecServiceManagementClient services,
    MecLocationClient location,
    MecApplicationIdentity identity,
    ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger("MecApp");
    private ServiceInfo? _published;

    public async Task<int> RunAsync(IConfiguration settings, CancellationToken cancellationToken)
    {
        await using var listener = await MecNotificationListener.StartAsync(new Uri(settings["CallbackAddress"] ?? "http://127.0.0.1:0"), cancellationToken);
        var lifecycle = new MecApplicationLifecycle(support, listener, loggers.CreateLogger<MecApplicationLifecycle>());
        var registration = new AppInfo
        {
            AppName = "mec-app",
            AppProvider = "precisioncloud-samples",
            AppInstanceId = identity.AppInstanceId,
            IsInsByMec = identity.AppInstanceId is not null,
            Endpoint = new EndPointInfo { Uris = [listener.Address.ToString()] },
        };
        var notice = await lifecycle.RunAsync(registration, token => ServeAsync(settings["ServiceName"] ?? "mec-app-echo", listener, token), CleanUpAsync, cancellationToken);
        if (notice is null)
        {
            Log.StoppedWithoutNotice(_logger);
        }
        else
        {
            Log.Terminated(_logger, notice.OperationAction);
        }

        return 0;
    }

    private async Task ServeAsync(string serviceName, MecNotificationListener listener, CancellationToken cancellationToken)
    {
        _published = (await services.PublishAsync(new ServiceInfo
        {
            SerName = serviceName,
            Version = "1.0",
            State = ServiceState.Active,
            TransportId = "mec-rest-http",
            Serializer = SerializerType.Json,
            LivenessInterval = 0,
        }, cancellationToken)).Value;
        Log.Published(_logger, _published.SerName, _published.SerInstanceId!, _published.LivenessInterval ?? 0);

        foreach (var service in await services.DiscoverAsync(null, cancellationToken))
        {
            Log.Found(_logger, service.SerName, service.Version, service.State);
        }

        var locationOffered = (await services.DiscoverAsync(new ServiceFilter { Names = ["location"] }, cancellationToken)).Count > 0;
        Log.Location(_logger, locationOffered ? "offered" : "not offered on this platform");
        if (locationOffered)
        {
            foreach (var zone in await location.GetZonesAsync(cancellationToken))
            {
                await location.SubscribeToZoneAsync(zone.ZoneId, listener.ZoneLocationCallback, null, cancellationToken);
                Log.Watching(_logger, zone.ZoneId, zone.NumberOfUsers);
            }
        }

        await services.SubscribeAsync(listener.ServiceAvailabilityCallback, null, cancellationToken);

        foreach (var rule in await support.GetTrafficRulesAsync(cancellationToken))
        {
            try
            {
                var active = await support.SetTrafficRuleStateAsync(rule.TrafficRuleId, RuleState.Active, cancellationToken);
                Log.RuleState(_logger, rule.TrafficRuleId, active.Value.State);
            }
            catch (MecApiException refused)
            {
                Log.RuleRefused(_logger, rule.TrafficRuleId, rule.State, refused.Problem?.Detail ?? refused.Message);
            }
        }

        Log.Serving(_logger, identity.AppInstanceId!);
        var heartbeats = HeartbeatAsync(_published, cancellationToken);
        var zones = WatchZonesAsync(listener, cancellationToken);
        await foreach (var change in listener.ServiceAvailabilityAsync(cancellationToken))
        {
            foreach (var reference in change.ServiceReferences)
            {
                Log.Changed(_logger, reference.SerName, reference.ChangeType, reference.State);
            }
        }

        await Task.WhenAll(heartbeats, zones);
    }

    private async Task WatchZonesAsync(MecNotificationListener listener, CancellationToken cancellationToken)
    {
        await foreach (var moved in listener.ZoneLocationEventsAsync(cancellationToken))
        {
            Log.Moved(_logger, moved.Address, moved.UserLocationEvent, moved.ZoneId);
        }
    }

    private async Task HeartbeatAsync(ServiceInfo service, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, (service.LivenessInterval ?? 60) / 2));
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(interval, cancellationToken);
            await services.HeartbeatAsync(service, cancellationToken);
        }
    }

    private async Task CleanUpAsync(AppTerminationNotification notice, CancellationToken cancellationToken)
    {
        if (_published?.SerInstanceId is { } id)
        {
            await services.WithdrawAsync(id, cancellationToken);
            Log.Withdrew(_logger, id);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Published service {Name} as {Id} (heartbeat every {Interval} s)")]
        public static partial void Published(ILogger logger, string name, string id, int interval);

        [LoggerMessage(2, LogLevel.Information, "Found service {Name} {Version} ({State})")]
        public static partial void Found(ILogger logger, string name, string version, ServiceState state);

        [LoggerMessage(3, LogLevel.Information, "The location service is {Status}")]
        public static partial void Location(ILogger logger, string status);

        [LoggerMessage(4, LogLevel.Information, "Traffic rule {Rule} is {State}")]
        public static partial void RuleState(ILogger logger, string rule, RuleState state);

        [LoggerMessage(5, LogLevel.Warning, "Traffic rule {Rule} stays {State}: {Reason}")]
        public static partial void RuleRefused(ILogger logger, string rule, RuleState state, string reason);

        [LoggerMessage(6, LogLevel.Information, "Serving as {AppInstanceId}")]
        public static partial void Serving(ILogger logger, string appInstanceId);

        [LoggerMessage(7, LogLevel.Information, "Service {Name} {Change} ({State})")]
        public static partial void Changed(ILogger logger, string name, ServiceChangeType change, ServiceState state);

        [LoggerMessage(8, LogLevel.Information, "Withdrew service {Id}")]
        public static partial void Withdrew(ILogger logger, string id);

        [LoggerMessage(9, LogLevel.Information, "Stopped without a termination notice")]
        public static partial void StoppedWithoutNotice(ILogger logger);

        [LoggerMessage(10, LogLevel.Information, "Terminated by the platform ({Action}); exiting")]
        public static partial void Terminated(ILogger logger, OperationAction action);

        [LoggerMessage(11, LogLevel.Information, "Watching zone {ZoneId} ({Users} users now)")]
        public static partial void Watching(ILogger logger, string zoneId, int users);

        [LoggerMessage(12, LogLevel.Information, "User {Address} {Event} zone {ZoneId}")]
        public static partial void Moved(ILogger logger, string address, Mec.Location.LocationEventType @event, string zoneId);
    }
}
