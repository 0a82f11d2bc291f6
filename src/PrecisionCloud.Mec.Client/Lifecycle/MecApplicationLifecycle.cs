using Microsoft.Extensions.Logging;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Client.Notifications;

namespace PrecisionCloud.Mec.Client.Lifecycle;

/// <summary>
/// The life of a MEC application as ETSI GS MEC 011 draws it: (register,) subscribe to termination, confirm ready,
/// serve; when the platform's termination notice comes, stop serving, run the cleanup within the notice's
/// <c>maxGracefulTimeout</c>, and confirm termination.
/// </summary>
public sealed partial class MecApplicationLifecycle
{
    private readonly MecApplicationSupportClient _support;
    private readonly MecNotificationListener _listener;
    private readonly ILogger _logger;

    /// <summary>Creates the lifecycle for an application.</summary>
    /// <param name="support">The application support client.</param>
    /// <param name="listener">Where termination notices arrive.</param>
    /// <param name="logger">Where the lifecycle's steps are logged.</param>
    public MecApplicationLifecycle(MecApplicationSupportClient support, MecNotificationListener listener, ILogger<MecApplicationLifecycle> logger)
    {
        _support = support;
        _listener = listener;
        _logger = logger;
    }

    /// <summary>Runs the application until the platform terminates it (or <paramref name="cancellationToken"/> ends it).</summary>
    /// <param name="registration">The registration to make first, or none for an instance the MEC management provisioned and knows.</param>
    /// <param name="serve">The application's work; its token is cancelled when termination starts.</param>
    /// <param name="cleanup">What to do before confirming termination; its token is cancelled when the graceful timeout runs out.</param>
    /// <param name="cancellationToken">Stops waiting without confirming anything (the process is going away).</param>
    /// <returns>The termination notice the platform sent, or none when cancelled first.</returns>
    public async Task<AppTerminationNotification?> RunAsync(
        AppInfo? registration,
        Func<CancellationToken, Task> serve,
        Func<AppTerminationNotification, CancellationToken, Task> cleanup,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serve);
        ArgumentNullException.ThrowIfNull(cleanup);
        if (registration is not null)
        {
            var registered = await _support.RegisterAsync(registration, cancellationToken).ConfigureAwait(false);
            Log.Registered(_logger, registered.Value.AppInstanceId!);
        }

        await _support.SubscribeToTerminationAsync(_listener.TerminationCallback, cancellationToken).ConfigureAwait(false);
        await _support.ConfirmReadyAsync(cancellationToken).ConfigureAwait(false);
        Log.Ready(_logger);

        using var serving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = Task.Run(() => serve(serving.Token), CancellationToken.None);
        AppTerminationNotification? notice = null;
        try
        {
            await foreach (var received in _listener.TerminationsAsync(cancellationToken).ConfigureAwait(false))
            {
                notice = received;
                break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The process is going away without the platform's word.
        }

        await serving.CancelAsync().ConfigureAwait(false);
        try
        {
            await work.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The work ended because it was told to.
        }

        if (notice is null)
        {
            return null;
        }

        Log.Terminating(_logger, notice.OperationAction, notice.MaxGracefulTimeout);
        using (var graceful = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(1, notice.MaxGracefulTimeout))))
        {
            try
            {
                await cleanup(notice, graceful.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (graceful.IsCancellationRequested)
            {
                Log.CleanupCutShort(_logger, notice.MaxGracefulTimeout);
            }
        }

        await _support.ConfirmTerminationAsync(notice.OperationAction, CancellationToken.None).ConfigureAwait(false);
        Log.Confirmed(_logger);
        return notice;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Registered as application instance {AppInstanceId}")]
        public static partial void Registered(ILogger logger, string appInstanceId);

        [LoggerMessage(2, LogLevel.Information, "Confirmed ready; serving")]
        public static partial void Ready(ILogger logger);

        [LoggerMessage(3, LogLevel.Information, "The platform is {Action} this instance: cleaning up within {Timeout} s")]
        public static partial void Terminating(ILogger logger, OperationAction action, int timeout);

        [LoggerMessage(4, LogLevel.Warning, "Cleanup did not finish within the graceful timeout of {Timeout} s; confirming termination anyway")]
        public static partial void CleanupCutShort(ILogger logger, int timeout);

        [LoggerMessage(5, LogLevel.Information, "Termination confirmed")]
        public static partial void Confirmed(ILogger logger);
    }
}
