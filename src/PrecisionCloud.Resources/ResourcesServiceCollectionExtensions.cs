using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.Resources;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Reconciliation;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the unified resource model in a service collection.</summary>
public static class ResourcesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="ResourceManager"/> (desired state in SQLite at <see cref="ResourceOptions.DatabasePath"/>), its
    /// options with validation at start, its <c>PrecisionCloud.Resources</c> metrics, and the hosted reconciler that
    /// starts it and keeps the backends in line. Add providers on the returned builder.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The builder, to add providers.</returns>
    public static IResourcesBuilder AddPrecisionCloudResources(this IServiceCollection services, Action<ResourceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ResourceOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ResourceOptions>, ResourceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => provider.GetService<IMeterFactory>() is { } factory ? new ResourceMetrics(factory) : null!);
        services.TryAddSingleton(provider => new ResourceManager(
            provider.GetServices<IResourceProvider>(),
            provider.GetRequiredService<IOptions<ResourceOptions>>(),
            provider.GetRequiredService<ILogger<ResourceManager>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ResourceMetrics>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ResourceReconcileService>());
        return new ResourcesBuilder(services);
    }

    /// <summary>Adds a provider (registered as a singleton <see cref="IResourceProvider"/>).</summary>
    /// <typeparam name="TProvider">The provider type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Creates the provider.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IResourcesBuilder AddProvider<TProvider>(this IResourcesBuilder builder, Func<IServiceProvider, TProvider> factory)
        where TProvider : class, IResourceProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.TryAddSingleton(factory);
        builder.Services.AddSingleton<IResourceProvider>(provider => provider.GetRequiredService<TProvider>());
        return builder;
    }
}
