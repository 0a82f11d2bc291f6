using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.Hardware;
using PrecisionCloud.Resources;
using PrecisionCloud.Resources.Oci;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the OCI container provider to the unified resource model.</summary>
public static class OciResourcesBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="OciProvider"/>: containers on this device through runc or crun, networks as bridges and
    /// namespaces, File volumes as directories. Its options are validated at start; its capacity comes from the
    /// node's hardware inventory when one is registered.
    /// </summary>
    /// <param name="builder">The resources builder.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IResourcesBuilder AddOciProvider(this IResourcesBuilder builder, Action<OciProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<OciProviderOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OciProviderOptions>, OciProviderOptionsValidator>());
        return builder.AddProvider(provider => new OciProvider(
            provider.GetRequiredService<IOptions<OciProviderOptions>>(),
            provider.GetRequiredService<ILogger<OciProvider>>(),
            provider.GetService<INodeInventorySource>()));
    }
}
