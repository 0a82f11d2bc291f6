using Microsoft.AspNetCore.Routing;
using PrecisionCloud.Hosting.Resources;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the unified resource API.</summary>
public static class ResourcesEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the resource API under <c>/resources/v1</c> (see the Hosting README). When the host has a default
    /// authentication scheme (for example PrecisionCloud access tokens) every call needs a token with
    /// <see cref="PrecisionCloud.Hosting.ResourceApiScopes.Administration"/>, or <see cref="PrecisionCloud.Hosting.ResourceApiScopes.Tenant"/>
    /// for its own tenant's resources; without one, the API answers callers on this host only. Needs <c>site.AddResources()</c>.
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
