using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.Resources;
using PrecisionCloud.Resources.OpenStack;
using PrecisionCloud.Resources.OpenStack.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds an OpenStack cloud as a provider of the unified resource model.</summary>
public static class OpenStackResourcesBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="OpenStackProvider"/> over the cloud the options name (given directly, a clouds.yaml entry, or
    /// OS_* variables). The options bind from <c>PrecisionCloud:Resources:OpenStack</c> when the host has
    /// configuration, then <paramref name="configure"/> adjusts them; they are validated at start, and the client
    /// reports metrics on the <c>PrecisionCloud.Resources.OpenStack</c> meter.
    /// </summary>
    /// <param name="builder">The resources builder.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IResourcesBuilder AddOpenStackProvider(this IResourcesBuilder builder, Action<OpenStackProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The section binds when the host has configuration (a generic or web host always has).
        var options = builder.Services.AddOptions<OpenStackProviderOptions>()
            .Configure<IServiceProvider>((o, services) => services.GetService<IConfiguration>()?.GetSection(OpenStackProviderOptions.SectionName).Bind(o))
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenStackProviderOptions>, OpenStackProviderOptionsValidator>());
        builder.Services.TryAddSingleton(provider => provider.GetService<IMeterFactory>() is { } meters ? new OpenStackMetrics(meters) : null!);
        return builder.AddProvider(provider => new OpenStackProvider(
            provider.GetRequiredService<IOptions<OpenStackProviderOptions>>(),
            provider.GetRequiredService<ILogger<OpenStackProvider>>(),
            provider.GetService<OpenStackMetrics>()));
    }
}
