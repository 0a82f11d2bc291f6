using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrecisionCloud.UserPlane;
using PrecisionCloud.UserPlane.Pfcp.Hosting;
using PrecisionCloud.UserPlane.Pfcp.Node;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the N4 (PFCP) agent in a service collection.</summary>
public static class PfcpServiceCollectionExtensions
{
    /// <summary>
    /// Adds the user plane (as <see cref="UserPlaneServiceCollectionExtensions.AddPrecisionCloudUserPlane"/> does) and
    /// the hosted N4 agent that lets an SMF drive it when <see cref="PfcpNodeOptions.Enabled"/>: it answers on the N4
    /// address, sends End Markers through the hosted user plane and reports the user plane's usage, buffered
    /// downlink data and error indications to the SMFs. Options are validated at start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the agent's options after configuration binding.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddPrecisionCloudPfcp(this IServiceCollection services, Action<PfcpNodeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddPrecisionCloudUserPlane();
        var options = services.AddOptions<PfcpNodeOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PfcpNodeOptions>, PfcpNodeOptionsValidator>());
        if (!services.Any(d => d.ServiceType == typeof(PfcpService)))
        {
            services.AddSingleton<PfcpService>();
            services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<PfcpService>());
            services.AddSingleton<IUserPlaneReportHandler>(provider => provider.GetRequiredService<PfcpService>());
        }

        return services;
    }
}
