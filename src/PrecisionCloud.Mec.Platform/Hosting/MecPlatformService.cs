using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PrecisionCloud.Mec.Platform.Location;
using PrecisionCloud.Mec.Platform.Notifications;
using PrecisionCloud.Mec.Platform.Registry;

namespace PrecisionCloud.Mec.Platform;

/// <summary>
/// Starts the platform (loads its state, puts its rules back into effect, resumes the outbox) and then keeps its
/// clocks: services whose heartbeats stopped become SUSPENDED, terminations whose graceful timeout passed finish.
/// </summary>
internal sealed partial class MecPlatformService(
    IServiceProvider services,
    MecRegistry registry,
    LocationSubscriptions locations,
    NotificationDispatcher dispatcher,
    MecPlatformReadiness readiness,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<MecPlatformService> logger) : BackgroundService
{
    /// <summary>How often the clocks are checked.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!registry.Options.ConformanceMode
                && (services.GetService<IAuthenticationSchemeProvider>() is not { } schemes || await schemes.GetDefaultAuthenticateSchemeAsync().ConfigureAwait(false) is null))
            {
                throw new InvalidOperationException(
                    "The MEC platform authenticates every request outside conformance mode, but the host has no default authentication scheme: "
                    + "add one that validates the platform's access tokens (AddAuthentication(AccessTokenAuthenticationOptions.DefaultScheme).AddPrecisionCloudAccessTokens(...)) "
                    + $"or set {MecPlatformOptions.SectionName}:ConformanceMode for a conformance test run");
            }

            if (registry.Options.ApiRoot is { } root)
            {
                await LoadAsync(root, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // The API root is where the server listens, known once it has started; requests wait until then.
                lifetime.ApplicationStarted.Register(() => _ = Task.Run(LoadFromServerAddressAsync));
            }
        }
        catch (Exception error)
        {
            readiness.Failed(error);
            throw;
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task LoadAsync(Uri root, CancellationToken cancellationToken)
    {
        // The outbox resumes before anything can commit new notifications (they would be queued twice), and drops
        // what is left of subscriptions that ended just before a crash.
        await registry.LoadAsync(root, cancellationToken).ConfigureAwait(false);
        await locations.LoadAsync(cancellationToken).ConfigureAwait(false);
        await dispatcher.ResumeAsync(id => registry.HasSubscription(id) || locations.Find(id, caller: null) is not null, cancellationToken).ConfigureAwait(false);
        locations.StartDelivering();
        await registry.OfferLocationServiceAsync(locations.Tracker.Map.Zones.Count > 0, cancellationToken).ConfigureAwait(false);
        readiness.Ready();
        Log.Serving(logger, registry.Links.Root);
    }

    private async Task LoadFromServerAddressAsync()
    {
        try
        {
            var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException($"The server listens nowhere the platform can see: set {MecPlatformOptions.SectionName}:ApiRoot");
            var wildcard = address.Contains("://+", StringComparison.Ordinal) || address.Contains("://*", StringComparison.Ordinal);
            var uri = new UriBuilder(wildcard ? address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal) : address);
            if (wildcard || uri.Host is "0.0.0.0" or "[::]" or "::")
            {
                uri.Host = Dns.GetHostName();
            }

            await LoadAsync(uri.Uri, lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            Log.StartFailed(logger, error);
            readiness.Failed(error);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(Tick, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await registry.SuspendSilentServicesAsync(stoppingToken).ConfigureAwait(false);
                await registry.FinishOverdueTerminationsAsync(stoppingToken).ConfigureAwait(false);
                await locations.RemoveExpiredAsync(stoppingToken).ConfigureAwait(false);
                await locations.ReportPeriodicAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                Log.ClockFailed(logger, error);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2, LogLevel.Information, "MEC platform serving at {ApiRoot} (mec_app_support/v2, mec_service_mgmt/v1, mec_platform_mgmt/v1)")]
        public static partial void Serving(ILogger logger, string apiRoot);

        [LoggerMessage(3, LogLevel.Critical, "The MEC platform could not start; its requests fail")]
        public static partial void StartFailed(ILogger logger, Exception error);

        [LoggerMessage(1, LogLevel.Error, "The MEC platform's liveness and termination clock failed; retrying at the next tick")]
        public static partial void ClockFailed(ILogger logger, Exception error);
    }
}
