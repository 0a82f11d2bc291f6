using PrecisionCloud.Hosting;
using PrecisionCloud.Security.Audit;
using PrecisionCloud.Security.Sealing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the security package's services to a site, bound from the <c>PrecisionCloud:Security</c> configuration.</summary>
public static class SecurityBuilderExtensions
{
    /// <summary>Adds secret sealing, its options bound from <c>PrecisionCloud:Security:Sealing</c>, then <paramref name="configure"/>.</summary>
    /// <param name="builder">The site builder.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IPrecisionCloudBuilder AddSecretSealing(this IPrecisionCloudBuilder builder, Action<SealingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SealingOptions>().BindConfiguration(SealingOptions.SectionName);
        builder.Services.AddPrecisionCloudSealing(configure);
        return builder;
    }

    /// <summary>Adds the audit log, its options bound from <c>PrecisionCloud:Security:Audit</c>, then <paramref name="configure"/>.</summary>
    /// <param name="builder">The site builder.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IPrecisionCloudBuilder AddAuditLog(this IPrecisionCloudBuilder builder, Action<AuditLogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AuditLogOptions>().BindConfiguration(AuditLogOptions.SectionName);
        builder.Services.AddPrecisionCloudAuditLog(configure);
        return builder;
    }
}
