using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrecisionCloud.Mec.Client.Http;

namespace PrecisionCloud.Mec.Client;

/// <summary>Registers the MEC client.</summary>
public static class MecClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds the typed MEC clients (<see cref="MecApplicationSupportClient"/>, <see cref="MecServiceManagementClient"/>,
    /// <see cref="MecLocationClient"/>)
    /// on <see cref="IHttpClientFactory"/>, each request through a retry handler (429, 503, ... with
    /// <c>Retry-After</c>) and, when a client id is configured, an OAuth 2.0 client credentials handler. Options
    /// from section <c>PrecisionCloud:MecClient</c>, then <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options after configuration binding.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddMecClient(this IServiceCollection services, Action<MecClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<MecClientOptions>()
            .Configure<IServiceProvider>((o, provider) => provider.GetService<IConfiguration>()?.GetSection(MecClientOptions.SectionName).Bind(o))
            .Validate(o => o.ApiRoot is { IsAbsoluteUri: true }, $"{MecClientOptions.SectionName}:ApiRoot is required (an absolute URI such as http://127.0.0.1:8080)")
            .Validate(o => o.MaxRetries >= 0 && o.RetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay, $"{MecClientOptions.SectionName}: MaxRetries shall not be negative, RetryDelay shall be positive and not above MaxRetryDelay")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MecApplicationIdentity>();
        services.TryAddSingleton<MecTokenSource>();
        services.TryAddTransient<MecRetryHandler>();
        services.TryAddTransient<MecAccessTokenHandler>();
        services.AddHttpClient(MecTokenSource.HttpClientName).AddHttpMessageHandler<MecRetryHandler>();
        services.AddHttpClient<MecApplicationSupportClient>(Root).AddHttpMessageHandler<MecRetryHandler>().AddHttpMessageHandler<MecAccessTokenHandler>();
        services.AddHttpClient<MecServiceManagementClient>(Root).AddHttpMessageHandler<MecRetryHandler>().AddHttpMessageHandler<MecAccessTokenHandler>();
        services.AddHttpClient<MecLocationClient>(Root).AddHttpMessageHandler<MecRetryHandler>().AddHttpMessageHandler<MecAccessTokenHandler>();
        return services;
    }

    private static void Root(IServiceProvider provider, HttpClient http)
    {
        var root = provider.GetRequiredService<IOptions<MecClientOptions>>().Value.ApiRoot!;
        http.BaseAddress = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
    }
}
