using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.Security.Audit;
using PrecisionCloud.Security.Hosting;
using PrecisionCloud.Security.Sealing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers PrecisionCloud's security services in a service collection.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ISecretSealer"/> (a <see cref="SecretSealer"/> over the configured root key and key ring) with
    /// its options, validated at start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddPrecisionCloudSealing(this IServiceCollection services, Action<SealingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SealingOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SealingOptions>, SealingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new SecretSealer(
            provider.GetRequiredService<IOptions<SealingOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<SecretSealer>>()));
        services.TryAddSingleton<ISecretSealer>(provider => provider.GetRequiredService<SecretSealer>());
        return services;
    }

    /// <summary>
    /// Adds the hash-chained <see cref="AuditLog"/> with its options, validated at start. The log is written by its
    /// own task and closed (queued events written) when the service provider is disposed.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddPrecisionCloudAuditLog(this IServiceCollection services, Action<AuditLogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AuditLogOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditLogOptions>, AuditLogOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new AuditLog(
            provider.GetRequiredService<IOptions<AuditLogOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<AuditLog>>(),
            provider.GetService<IMeterFactory>()));
        return services;
    }
}
