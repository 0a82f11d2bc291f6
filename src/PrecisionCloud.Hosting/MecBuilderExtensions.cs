using Microsoft.Extensions.DependencyInjection.Extensions;
using PrecisionCloud.Hosting.Mec;
using PrecisionCloud.Hosting;
using PrecisionCloud.Mec.Platform.DataPlane;
using PrecisionCloud.Mec.Platform;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the MEC platform to a site, wired to the site's user plane.</summary>
public static class MecBuilderExtensions
{
    /// <summary>
    /// Adds the MEC platform (options from <c>PrecisionCloud:Mec</c>) with its traffic rules enforced by this site's
    /// user plane (<see cref="UserPlaneTrafficRules"/>) and its DNS rules answered by its DNS responder (options from
    /// <c>PrecisionCloud:Mec:Dns</c>); the users of its location API are the user plane's sessions, placed by the gNB
    /// their downlink goes to on the radio map of <c>PrecisionCloud:Mec:Location</c>. Map its APIs with
    /// <c>app.MapMecPlatform()</c>.
    /// </summary>
    /// <param name="builder">The site builder.</param>
    /// <param name="configure">Adjusts the platform's options after configuration binding.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IPrecisionCloudBuilder AddMecPlatform(this IPrecisionCloudBuilder builder, Action<MecPlatformOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMecPlatform(configure).AddMecDnsResponder();
        builder.Services.AddSingleton<UserPlaneTrafficRules>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ITrafficRuleEnforcer>(provider => provider.GetRequiredService<UserPlaneTrafficRules>()));
        builder.Services.AddHostedService<UserPlaneLocationSource>();
        return builder;
    }
}
