using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.Resources;
using PrecisionCloud.Resources.Kubernetes;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a Kubernetes cluster as a provider of the unified resource model.</summary>
public static class KubernetesResourcesBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="KubernetesProvider"/> over the cluster the options name (API host, kubeconfig, or in-cluster
    /// service account); its options are validated at start.
    /// </summary>
    /// <param name="builder">The resources builder.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IResourcesBuilder AddKubernetesProvider(this IResourcesBuilder builder, Action<KubernetesProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<KubernetesProviderOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KubernetesProviderOptions>, KubernetesProviderOptionsValidator>());
        return builder.AddProvider(provider => new KubernetesProvider(
            provider.GetRequiredService<IOptions<KubernetesProviderOptions>>(),
            provider.GetRequiredService<ILogger<KubernetesProvider>>()));
    }
}
