using PrecisionCloud.Hosting;

namespace PrecisionCloud.Samples;

/// <summary>
/// The host every sample site shares: a slim web host with the PrecisionCloud site, <c>GET /healthz</c>, the layers' endpoints
/// and the <see cref="SiteCommands"/>. Each sample names its profile and adds its layers.
/// </summary>
internal static class SiteHost
{
    public static async Task<int> RunAsync(string[] args, SiteProfile profile, Action<IPrecisionCloudBuilder>? addLayers = null, Action<WebApplication>? mapLayers = null)
    {
        // Commands take words and flags ("inventory --json"); only --Key=Value settings go to configuration.
        var isCommand = SiteCommands.IsCommand(args);
        var builder = WebApplication.CreateSlimBuilder(isCommand ? SiteCommands.Settings(args) : args);
        var site = builder.Services.AddPrecisionCloud(options => options.Profile = profile);

        // Security services run when configured: the audit log with a directory, sealing with a root key.
        if (builder.Configuration["PrecisionCloud:Security:Audit:Directory"] is { Length: > 0 })
        {
            site.AddAuditLog();
        }

        if (builder.Configuration["PrecisionCloud:Security:Sealing:RootKey"] is { Length: > 0 } || builder.Configuration["PrecisionCloud:Security:Sealing:RootKeyFile"] is { Length: > 0 })
        {
            site.AddSecretSealing();
        }

        addLayers?.Invoke(site);

        if (isCommand)
        {
            builder.Logging.ClearProviders();
            using var tool = builder.Build();
            return await SiteCommands.RunAsync(args, tool.Services, Console.Out, Console.Error, CancellationToken.None);
        }

        var app = builder.Build();
        app.MapHealthChecks("/healthz");
        mapLayers?.Invoke(app);
        await app.RunAsync();
        return 0;
    }
}
