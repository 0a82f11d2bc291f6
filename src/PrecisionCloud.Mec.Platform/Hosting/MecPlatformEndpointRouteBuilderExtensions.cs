using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using PrecisionCloud.Mec.Platform.Administration;
using PrecisionCloud.Mec.Platform.ApplicationSupport;
using PrecisionCloud.Mec.Platform.Http;
using PrecisionCloud.Mec.Platform.Location;
using PrecisionCloud.Mec.Platform.ServiceManagement;

namespace PrecisionCloud.Mec.Platform;

/// <summary>Maps the MEC platform's APIs.</summary>
public static class MecPlatformEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps MEC 011 application support (<c>/mec_app_support/v2</c>), MEC 011 service management
    /// (<c>/mec_service_mgmt/v1</c>), MEC 013 location (<c>/location/v3</c>) and the provisioning API
    /// (<c>/mec_platform_mgmt/v1</c>). Outside conformance mode
    /// the host must have an authentication scheme that validates the platform's access tokens (for example
    /// <c>AddPrecisionCloudAccessTokens</c>) as its default.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <returns>The endpoint route builder, for chaining.</returns>
    public static IEndpointRouteBuilder MapMecPlatform(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints is IApplicationBuilder application)
        {
            // The location API's WebSocket notification delivery; added before the endpoints run.
            application.UseWebSockets();
        }

        var routes = new MecRoutes(endpoints);
        ApplicationSupportEndpoints.Map(routes);
        ServiceManagementEndpoints.Map(routes);
        AdministrationEndpoints.Map(routes);
        LocationEndpoints.Map(routes);
        return endpoints;
    }
}
