using Microsoft.AspNetCore.Routing;
using PrecisionCloud.Hosting.Resources;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the unified resource API.</summary>
public static class ResourcesEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the resource API under <c>/resources/v1</c> (see the Hosting README); it answers callers on this host only.
    /// Needs <c>site.AddResources()</c>.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The endpoint route builder, for chaining.</returns>
    public static IEndpointRouteBuilder MapResources(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ResourceEndpoints.Map(endpoints);
        return endpoints;
    }
}
