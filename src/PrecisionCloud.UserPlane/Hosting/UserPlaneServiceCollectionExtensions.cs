using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrecisionCloud.UserPlane;
using PrecisionCloud.UserPlane.Hosting;
using PrecisionCloud.UserPlane.Packets;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the user plane in a service collection.</summary>
public static class UserPlaneServiceCollectionExtensions
{
    /// <summary>
    /// Adds the user plane (<see cref="UserPlane"/> as a singleton) and the hosted service that runs its N3 and N6 ports
    /// when <see cref="UserPlaneHostOptions.Enabled"/>, which is also the <see cref="ISessionChangeSink"/> that sends
    /// End Markers and released packets for control planes; options are validated at start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddPrecisionCloudUserPlane(this IServiceCollection services, Action<UserPlaneHostOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<UserPlaneHostOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UserPlaneHostOptions>, UserPlaneHostOptionsValidator>());
        services.TryAddSingleton(provider =>
        {
            var host = provider.GetRequiredService<IOptions<UserPlaneHostOptions>>().Value;
            var engine = new UserPlaneOptions
            {
                GtpUPort = (ushort)host.N3Port,
                ExpectedSessions = Math.Max(16, host.StaticSessions.Count),
            };
            if (IPAddress.TryParse(host.N3Address, out var address))
            {
                var n3 = InetAddress.From(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
                if (n3.IsIPv6)
                {
                    engine.N3IPv6Address = n3;
                }
                else
                {
                    engine.N3Address = n3;
                }
            }

            foreach (var port in host.N6Ports.Take(1))
            {
                engine.DefaultNetworkInstance = port.NetworkInstance;
            }

            return new UserPlane(engine, provider.GetService<IMeterFactory>(), provider.GetService<TimeProvider>());
        });
        if (!services.Any(d => d.ServiceType == typeof(UserPlaneService)))
        {
            services.AddSingleton<UserPlaneService>();
            services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<UserPlaneService>());
            services.AddSingleton<ISessionChangeSink>(provider => provider.GetRequiredService<UserPlaneService>());
        }

        return services;
    }
}
