using Microsoft.Extensions.DependencyInjection;

namespace PrecisionCloud.Resources;

/// <summary>Adds providers to the unified resource model (<c>services.AddPrecisionCloudResources().AddOciProvider()</c>).</summary>
public interface IResourcesBuilder
{
    /// <summary>The service collection.</summary>
    IServiceCollection Services { get; }
}
