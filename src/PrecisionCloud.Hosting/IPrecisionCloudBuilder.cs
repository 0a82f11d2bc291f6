using Microsoft.Extensions.DependencyInjection;

namespace PrecisionCloud.Hosting;

/// <summary>Returned by <c>AddPrecisionCloud</c>; the layers of a site chain their own <c>AddXxx</c> methods on it.</summary>
public interface IPrecisionCloudBuilder
{
    /// <summary>The service collection the site is composed in.</summary>
    IServiceCollection Services { get; }
}
