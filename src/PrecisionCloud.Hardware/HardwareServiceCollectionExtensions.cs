using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.Hardware;
using PrecisionCloud.Hardware.Linux;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the hardware abstraction in a service collection.</summary>
public static class HardwareServiceCollectionExtensions
{
    /// <summary>
    /// Adds the node inventory (<see cref="INodeInventorySource"/>, cached for <see cref="HardwareOptions.CacheDuration"/>),
    /// its options with validation at start, and the <c>PrecisionCloud.Hardware</c> capacity gauges.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddPrecisionCloudHardware(this IServiceCollection services, Action<HardwareOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<HardwareOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HardwareOptions>, HardwareOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new LinuxNodeInventoryReader(
            provider.GetRequiredService<IOptions<HardwareOptions>>().Value,
            provider.GetService<ILogger<LinuxNodeInventoryReader>>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<INodeInventorySource>(provider =>
        {
            var source = new CachingNodeInventorySource(
                provider.GetRequiredService<LinuxNodeInventoryReader>(),
                provider.GetRequiredService<IOptions<HardwareOptions>>().Value.CacheDuration,
                provider.GetRequiredService<TimeProvider>());
            if (provider.GetService<IMeterFactory>() is { } meterFactory)
            {
                _ = new HardwareMetrics(meterFactory, source);
            }

            return source;
        });
        return services;
    }
}
