using PrecisionCloud.Hosting;
using PrecisionCloud.Resources;
using PrecisionCloud.Resources.Oci;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the unified resource model to a site.</summary>
public static class ResourcesBuilderExtensions
{
    /// <summary>
    /// Adds the resource manager (options from <c>PrecisionCloud:Resources</c>) with the providers the site names,
    /// by default the OCI container provider on this device (options from <c>PrecisionCloud:Resources:Oci</c>). Map
    /// its API with <c>app.MapResources()</c>.
    /// </summary>
    /// <param name="builder">The site builder.</param>
    /// <param name="providers">Adds providers; when <see langword="null"/>, the OCI provider.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IPrecisionCloudBuilder AddResources(this IPrecisionCloudBuilder builder, Action<IResourcesBuilder>? providers = null, Action<ResourceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ResourceOptions>().BindConfiguration(ResourceOptions.SectionName);
        var resources = builder.Services.AddPrecisionCloudResources(configure);
        if (providers is null)
        {
            builder.Services.AddOptions<OciProviderOptions>().BindConfiguration(OciProviderOptions.SectionName);
            resources.AddOciProvider();
        }
        else
        {
            providers(resources);
        }

        return builder;
    }
}
