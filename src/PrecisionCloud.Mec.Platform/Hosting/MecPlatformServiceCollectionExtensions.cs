using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrecisionCloud.Mec.Platform.DataPlane;
using PrecisionCloud.Mec.Platform.DomainNames;
using PrecisionCloud.Mec.Platform.Location;
using PrecisionCloud.Mec.Platform.Notifications;
using PrecisionCloud.Mec.Platform.Registry;
using PrecisionCloud.Mec.Platform.Storage;

namespace PrecisionCloud.Mec.Platform;

/// <summary>Registers the MEC platform.</summary>
public static class MecPlatformServiceCollectionExtensions
{
    /// <summary>
    /// Adds the MEC platform: its state (in the SQLite store unless an <see cref="IMecPlatformStore"/> is registered),
    /// the notification outbox and its delivery, the liveness and termination clock, MEC 013 location over the radio
    /// map of <c>PrecisionCloud:Mec:Location</c> (fed through <see cref="MecLocationTracker"/>), and the options from
    /// section <c>PrecisionCloud:Mec</c>. Traffic and DNS rules go to the registered <see cref="ITrafficRuleEnforcer"/> and
    /// <see cref="IDnsRuleEnforcer"/>; without them the platform reports every ACTIVE rule as not honoured. Map the
    /// APIs with <see cref="MecPlatformEndpointRouteBuilderExtensions.MapMecPlatform"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddMecPlatform(this IServiceCollection services, Action<MecPlatformOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MecPlatformOptions>()
            .Configure<IServiceProvider>((o, provider) => provider.GetService<IConfiguration>()?.GetSection(MecPlatformOptions.SectionName).Bind(o))
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MecPlatformOptions>, MecPlatformOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(NotificationDispatcher.HttpClientName);
        services.AddMetrics();
        services.TryAddSingleton<IMecPlatformStore>(provider =>
        {
            var o = provider.GetRequiredService<IOptions<MecPlatformOptions>>().Value;
            return new SqliteMecPlatformStore(o.DatabasePath, o.SynchronousCommits);
        });
        services.TryAddSingleton<AbsentDataPlane>();
        services.TryAddSingleton<ITrafficRuleEnforcer>(provider => provider.GetRequiredService<AbsentDataPlane>());
        services.TryAddSingleton<IDnsRuleEnforcer>(provider => provider.GetRequiredService<AbsentDataPlane>());
        services.TryAddSingleton<WebSocketHub>();
        services.TryAddSingleton<NotificationDispatcher>();
        services.TryAddSingleton<INotificationQueue>(provider => provider.GetRequiredService<NotificationDispatcher>());
        services.TryAddSingleton<MecRegistry>();
        services.AddOptions<LocationOptions>().Configure<IServiceProvider>((o, provider) => provider.GetService<IConfiguration>()?.GetSection(LocationOptions.SectionName).Bind(o));
        services.TryAddSingleton<MecLocationTracker>();
        services.TryAddSingleton<LocationSubscriptions>();
        services.AddHostedService<LocationSimulator>();
        services.TryAddSingleton<MecPlatformReadiness>();
        services.AddHostedService<MecPlatformService>();
        return services;
    }

    /// <summary>
    /// Adds the platform's DNS responder (UDP and TCP, options from section <c>PrecisionCloud:Mec:Dns</c>) and makes
    /// it the platform's <see cref="IDnsRuleEnforcer"/>: names of ACTIVE DNS rules resolve to their applications.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddMecDnsResponder(this IServiceCollection services, Action<DnsResponderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DnsResponderOptions>()
            .Configure<IServiceProvider>((o, provider) => provider.GetService<IConfiguration>()?.GetSection(DnsResponderOptions.SectionName).Bind(o))
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DnsResponderOptions>, DnsResponderOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton<MecDnsResponder>();
        services.Replace(ServiceDescriptor.Singleton<IDnsRuleEnforcer>(provider => provider.GetRequiredService<MecDnsResponder>()));
        services.AddHostedService<DnsResponderService>();
        return services;
    }
}
