using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
    NotificationDispatcher dispatcher,
    MecPlatformReadiness readiness,
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

            await registry.LoadAsync(cancellationToken).ConfigureAwait(false);
            await dispatcher.ResumeAsync(cancellationToken).ConfigureAwait(false);
            readiness.Ready();
        }
        catch (Exception error)
        {
            readiness.Failed(error);
            throw;
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await registry.SuspendSilentServicesAsync(stoppingToken).ConfigureAwait(false);
                await registry.FinishOverdueTerminationsAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                Log.ClockFailed(logger, error);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "The MEC platform's liveness and termination clock failed; retrying at the next tick")]
        public static partial void ClockFailed(ILogger logger, Exception error);
    }
}
