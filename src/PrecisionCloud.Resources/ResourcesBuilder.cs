using Microsoft.Extensions.DependencyInjection;

namespace PrecisionCloud.Resources;

internal sealed class ResourcesBuilder(IServiceCollection services) : IResourcesBuilder
{
    public IServiceCollection Services { get; } = services;
}
