using Microsoft.Extensions.DependencyInjection;

namespace PrecisionCloud.Hosting;

internal sealed class PrecisionCloudBuilder(IServiceCollection services) : IPrecisionCloudBuilder
{
    public IServiceCollection Services { get; } = services;
}
