using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrecisionCloud.Hardware;
using PrecisionCloud.Hosting;
using PrecisionCloud.UserPlane.Hosting;
using PrecisionCloud.UserPlane.Pfcp.Node;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Composes a PrecisionCloud site in a service collection.</summary>
public static class PrecisionCloudServiceCollectionExtensions
{
    /// <summary>
    /// Adds a PrecisionCloud site: its options (bound from the <c>PrecisionCloud</c> configuration section, then
    /// <paramref name="configure"/>, validated at start), the hardware layer (bound from <c>PrecisionCloud:Hardware</c>
    /// with the profile's defaults), the user plane (from <c>PrecisionCloud:UserPlane</c>, running when enabled), its
    /// N4 agent (from <c>PrecisionCloud:N4</c>, running when enabled),
    /// the site's hosted service and its health check.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the site's options after configuration binding.</param>
    /// <returns>A builder on which the site's layers chain.</returns>
    public static IPrecisionCloudBuilder AddPrecisionCloud(this IServiceCollection services, Action<PrecisionCloudOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var site = services.AddOptions<PrecisionCloudOptions>()
            .BindConfiguration(PrecisionCloudOptions.SectionName)
            .ValidateOnStart();
        if (configure is not null)
        {
            site.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrecisionCloudOptions>, PrecisionCloudOptionsValidator>());

        // Profile defaults first, configuration over them, code (ConfigureHardware) last.
        services.AddOptions<HardwareOptions>()
            .Configure<IOptions<PrecisionCloudOptions>>(static (hardware, siteOptions) =>
            {
                if (Enum.IsDefined(siteOptions.Value.Profile))
                {
                    hardware.CacheDuration = SiteProfileDefaults.For(siteOptions.Value.Profile).InventoryCacheDuration;
                }
            })
            .BindConfiguration($"{PrecisionCloudOptions.SectionName}:{HardwareOptions.SectionName}");
        services.AddPrecisionCloudHardware();

        // The user plane runs when PrecisionCloud:UserPlane:Enabled is set (N3 socket, N6 TUN ports, static sessions).
        services.AddOptions<UserPlaneHostOptions>().BindConfiguration($"{PrecisionCloudOptions.SectionName}:UserPlane");
        services.AddPrecisionCloudUserPlane();

        // The N4 agent runs when PrecisionCloud:N4:Enabled is set, so an SMF can drive the user plane over PFCP.
        services.AddOptions<PfcpNodeOptions>().BindConfiguration($"{PrecisionCloudOptions.SectionName}:N4");
        services.AddPrecisionCloudPfcp();

        services.TryAddSingleton<SiteState>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, SiteHostedService>());
        services.AddHealthChecks().AddCheck<SiteHealthCheck>(SiteHealthCheck.Name);
        return new PrecisionCloudBuilder(services);
    }

    /// <summary>Adjusts the hardware layer's options after configuration binding.</summary>
    /// <param name="builder">The site builder.</param>
    /// <param name="configure">The adjustment.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IPrecisionCloudBuilder ConfigureHardware(this IPrecisionCloudBuilder builder, Action<HardwareOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adjusts the N4 agent's options after configuration binding (for example to enable it in code).</summary>
    /// <param name="builder">The site builder.</param>
    /// <param name="configure">The adjustment.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IPrecisionCloudBuilder ConfigureN4(this IPrecisionCloudBuilder builder, Action<PfcpNodeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adjusts the user plane's options after configuration binding (for example to enable it in code).</summary>
    /// <param name="builder">The site builder.</param>
    /// <param name="configure">The adjustment.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IPrecisionCloudBuilder ConfigureUserPlane(this IPrecisionCloudBuilder builder, Action<UserPlaneHostOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}
