using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;
using PrecisionCloud.Security.Audit;
using PrecisionCloud.Security.Authorization;
using PrecisionCloud.Security.Hosting;
using PrecisionCloud.Security.Identity;
using PrecisionCloud.Security.Limits;
using PrecisionCloud.Security.Sealing;
using PrecisionCloud.Security.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers PrecisionCloud's security services in a service collection.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ISecretSealer"/> (a <see cref="SecretSealer"/> over the configured root key and key ring) with
    /// its options, validated at start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddPrecisionCloudSealing(this IServiceCollection services, Action<SealingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SealingOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SealingOptions>, SealingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new SecretSealer(
            provider.GetRequiredService<IOptions<SealingOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<SecretSealer>>()));
        services.TryAddSingleton<ISecretSealer>(provider => provider.GetRequiredService<SecretSealer>());
        return services;
    }

    /// <summary>
    /// Adds the hash-chained <see cref="AuditLog"/> with its options, validated at start. The log is written by its
    /// own task and closed (queued events written) when the service provider is disposed.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddPrecisionCloudAuditLog(this IServiceCollection services, Action<AuditLogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AuditLogOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditLogOptions>, AuditLogOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new AuditLog(
            provider.GetRequiredService<IOptions<AuditLogOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<AuditLog>>(),
            provider.GetService<IMeterFactory>()));
        return services;
    }

    /// <summary>
    /// Adds this host's workload identity from the site CA (<see cref="SiteIdentityService"/>, also as
    /// <see cref="IWorkloadIdentitySource"/>): the CA is opened or created and the identity issued when the host
    /// starts, and renewed when due. Needs <see cref="AddPrecisionCloudSealing"/> for the CA's key.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="kind">The kind of workload this host is (<c>nf</c>, <c>service</c>, <c>app</c>, ...).</param>
    /// <param name="name">Its name.</param>
    /// <param name="configure">Adjusts the CA options after configuration binding.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddPrecisionCloudWorkloadIdentity(this IServiceCollection services, string kind, string name, Action<CertificateAuthorityOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CertificateAuthorityOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CertificateAuthorityOptions>, CertificateAuthorityOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new SiteIdentityService(
            provider.GetRequiredService<IOptions<CertificateAuthorityOptions>>().Value,
            provider.GetRequiredService<ISecretSealer>(),
            provider.GetRequiredService<TimeProvider>(),
            kind,
            name));
        services.TryAddSingleton<IWorkloadIdentitySource>(provider => provider.GetRequiredService<SiteIdentityService>());
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<SiteIdentityService>());
        return services;
    }

    /// <summary>
    /// Adds the OAuth 2.0 <see cref="AuthorizationServer"/> and its <see cref="TokenSigningKeys"/> (serve them with
    /// <see cref="AuthorizationServerEndpoints.MapPrecisionCloudAuthorizationServer"/>), with options validated at
    /// start; with <see cref="AuthorizationServerOptions.KeyDirectory"/>, the keys are loaded sealed when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddPrecisionCloudAuthorizationServer(this IServiceCollection services, Action<AuthorizationServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AuthorizationServerOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthorizationServerOptions>, AuthorizationServerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TokenSigningKeys>();
        services.AddSingleton<IHostedService, SigningKeysPersistence>();
        services.TryAddSingleton(provider => new AuthorizationServer(
            provider.GetRequiredService<IOptions<AuthorizationServerOptions>>().Value,
            provider.GetRequiredService<TokenSigningKeys>(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Adds the tenant-aware <see cref="PolicyEngine"/> over these rules.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="rules">The policy.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddPrecisionCloudPolicy(this IServiceCollection services, IEnumerable<PolicyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(rules);
        var engine = new PolicyEngine(rules);
        services.TryAddSingleton(engine);
        return services;
    }

    /// <summary>Adds the per-tenant and per-client rate limiter (<see cref="TenantRateLimiter"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the rates after configuration binding.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddPrecisionCloudRateLimits(this IServiceCollection services, Action<RateLimitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RateLimitOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>());
        services.TryAddSingleton(provider => TenantRateLimiter.Create(provider.GetRequiredService<IOptions<RateLimitOptions>>().Value));
        return services;
    }
}
